"""``python -m dinnet``: the ``dinnet`` command, for when its script is not on PATH.

On Windows a ``pip install --user`` puts ``dinnet.exe`` in a folder that is
often not on PATH; ``python -m dinnet validate`` works wherever Python does.
"""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    main(prog_name="dinnet")
