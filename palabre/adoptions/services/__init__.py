"""Every change to adoptions, feedback, indicators and measurements: one transaction each, audited.

One module per kind of record: ``adoptions``, ``feedback``, ``reminders``, ``indicators``,
``measurements``, and ``maturity``, which recomputes the practice's maturity whenever the
evidence changes (palabre.adoptions.selectors.maturity_evidence, docs/maturity.md).
Everything is re-exported here, so callers write ``services.adoption_create``.
"""

from palabre.adoptions.services._common import ENDED, Status
from palabre.adoptions.services.adoptions import (
    ADOPTION_FIELDS,
    adoption_create,
    adoption_delete,
    adoption_update,
)
from palabre.adoptions.services.feedback import (
    FEEDBACK_FIELDS,
    feedback_answer,
    feedback_create,
    feedback_delete,
    feedback_link_revision,
    feedback_start_revision,
    feedback_update,
)
from palabre.adoptions.services.indicators import (
    INDICATOR_FIELDS,
    indicator_create,
    indicator_delete,
    indicator_update,
)
from palabre.adoptions.services.maturity import (
    MATURITY_ORDER,
    practice_maturity_refresh,
    practices_maturity_refresh_all,
)
from palabre.adoptions.services.measurements import (
    measurement_add,
    measurement_delete,
    measurement_update,
    measurements_import,
)
from palabre.adoptions.services.reminders import feedback_remind

__all__ = [
    "ADOPTION_FIELDS",
    "ENDED",
    "FEEDBACK_FIELDS",
    "INDICATOR_FIELDS",
    "MATURITY_ORDER",
    "Status",
    "adoption_create",
    "adoption_delete",
    "adoption_update",
    "feedback_answer",
    "feedback_create",
    "feedback_delete",
    "feedback_link_revision",
    "feedback_remind",
    "feedback_start_revision",
    "feedback_update",
    "indicator_create",
    "indicator_delete",
    "indicator_update",
    "measurement_add",
    "measurement_delete",
    "measurement_update",
    "measurements_import",
    "practice_maturity_refresh",
    "practices_maturity_refresh_all",
]
