"""Entry point for ``spark-submit``, which runs a script rather than a module:

    spark-submit [Spark options] scripts/bulk_submit.py INPUT OUTPUT [bulk options]

It is ``python -m service bulk INPUT OUTPUT …`` with spark-submit's master and
settings (see README, "Bulk runs on a cluster").
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the source tree: service/ and models/

from service.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["bulk", *sys.argv[1:]]))
