"""The tour of examples/almelo.ipynb as a script: load, draw, find gaps, share, impact, charts.

Run from the repository root:

    .venv/bin/python examples/almelo_tour.py [OUTPUT-FOLDER]

It prints what it finds and writes a DIN, the portfolio map and two charts
to OUTPUT-FOLDER (default ``out/tour``). Needs Graphviz' ``dot`` for the
pictures and pandas for the tables (``pip install -e '.[dev]'``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import dinnet
from dinnet.audit import run_audit
from dinnet.io.frames import findings_frame, nodes_frame
from dinnet.io.output import write_output
from dinnet.queries import (
    double_claims,
    goals_without_effort,
    impact,
    one_sided_dependencies,
    shared_stakeholders,
)
from dinnet.render import budget_chart, din, figure_bytes, indicator_figure, portfolio


def main(out: Path) -> int:
    G = dinnet.load()  # the bundled Almelo 2019 data set
    nodes = nodes_frame(G)
    print(f"{G.number_of_nodes()} nodes, {G.number_of_edges()} links")
    print(nodes.pivot_table(index="programme", columns="kind", values="label", aggfunc="count",
                            fill_value=0).to_string(), "\n")

    # A DIN, with the audit's findings marked on it.
    din(G, "binnenstad", highlight_gaps=True).save(out / "binnenstad-din.svg")

    # Gaps: the audit per rule and severity, and the goals no effort reaches.
    table = findings_frame(run_audit(G))
    print(table.pivot_table(index="rule", columns="severity", values="message", aggfunc="count",
                            fill_value=0, observed=False).to_string(), "\n")
    gaps = nodes.loc[goals_without_effort(G), ["programme", "level"]]
    print("goals without effort:", gaps.groupby("programme").size().to_dict())
    for row in table[table["rule"].str.startswith("budget")].itertuples():
        print(f"  {row.programme}: {row.message}")

    # Shared across programmes: partners, relations, no double claims.
    print("\ndouble claims:", double_claims(G) or "none")
    for name, members in shared_stakeholders(G).items():
        programmes = sorted({m.split(":")[0] for m in members})
        if len(programmes) > 2:
            print(f"  {name}: {', '.join(programmes)}")
    for a, b in one_sided_dependencies(G):
        print(f"  {a} names {b} as related; {b} does not name {a}")
    portfolio(G).save(out / "portfolio.svg")

    # Impact of dropping an effort or a project.
    for node in ("zorg:E20", "zorg:P1"):
        result = impact(G, node)
        print(f"\ndropping {node}: loses all support {list(result.loses_all)}, "
              f"loses some {list(result.loses_some)}")

    # Charts.
    write_output(out / "binnenstad-budget.png", figure_bytes(budget_chart(G, "binnenstad").figure, "png"))
    write_output(out / "zorg-indicators.png", figure_bytes(indicator_figure(G, "zorg"), "png"))
    print(f"\nwrote {out}/: binnenstad-din.svg, portfolio.svg, binnenstad-budget.png, "
          "zorg-indicators.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "out/tour")))
