"""Query functions: pure, graph first, returning data (networkx style).

>>> import dinnet
>>> from dinnet.queries import goals_without_effort
>>> "zorg:SD1.a" in goals_without_effort(dinnet.load())
True
"""

from ._common import CHAIN_EDGES, SUPPORT_EDGES, goals_served, reach
from .budget import BudgetCheck, budget_checks, budget_per_goal, role_shares, table_totals
from .chains import how, why, why_paths
from .coverage import (
    CoverageGaps,
    coverage_gaps,
    efforts_without_goal,
    goals_with_effort,
    goals_without_effort,
    indicators_without_baseline,
    indicators_without_target,
    operational_goals_without_indicator,
    projects_without_effort,
    strategic_goals_without_operational_goal,
)
from .cuts import Impact, impact
from .deps import one_sided_dependencies, path_between, programme_graph
from .monitoring import (
    EffortOutlook,
    GoalStatus,
    Remedy,
    behind,
    effort_outlook,
    goal_status,
    indicator_status,
    latest_realisation,
    measurements_of,
    progress,
    remedies,
)
from .shared import (
    DuplicatePair,
    double_claims,
    normalise_label,
    possible_duplicates,
    shared_efforts,
    shared_stakeholders,
)
from .status import STATUSES, IndicatorStatus, Reading, roll_up

__all__ = [
    "CHAIN_EDGES",
    "STATUSES",
    "SUPPORT_EDGES",
    "BudgetCheck",
    "CoverageGaps",
    "DuplicatePair",
    "EffortOutlook",
    "GoalStatus",
    "Impact",
    "IndicatorStatus",
    "Reading",
    "Remedy",
    "behind",
    "budget_checks",
    "budget_per_goal",
    "coverage_gaps",
    "double_claims",
    "effort_outlook",
    "efforts_without_goal",
    "goal_status",
    "goals_served",
    "goals_with_effort",
    "goals_without_effort",
    "how",
    "impact",
    "indicator_status",
    "indicators_without_baseline",
    "indicators_without_target",
    "latest_realisation",
    "measurements_of",
    "normalise_label",
    "one_sided_dependencies",
    "operational_goals_without_indicator",
    "path_between",
    "possible_duplicates",
    "programme_graph",
    "progress",
    "projects_without_effort",
    "reach",
    "remedies",
    "role_shares",
    "roll_up",
    "shared_efforts",
    "shared_stakeholders",
    "strategic_goals_without_operational_goal",
    "table_totals",
    "why",
    "why_paths",
]
