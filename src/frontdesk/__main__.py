"""``python -m frontdesk``."""

from frontdesk.main import main

raise SystemExit(main())
