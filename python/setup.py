# Only what pyproject.toml cannot say: the version comes from ../VERSION
# (copied next to this file by make), and the wheel is platform-specific
# because it carries a compiled diwan.so.
import os
from setuptools import setup
from setuptools.dist import Distribution

here = os.path.dirname(os.path.abspath(__file__))
so = os.path.join(here, "diwan", "diwan.so")
if not os.path.exists(so):
    raise SystemExit("python/diwan/diwan.so is missing: run `make` in the repository first")


class BinaryDistribution(Distribution):
    def has_ext_modules(self):
        return True


with open(os.path.join(here, "VERSION")) as f:
    version = f.read().strip()

setup(version=version, distclass=BinaryDistribution)
