#!/usr/bin/env python3
"""Rebuilds every seed file from the sources in this folder, in the order they depend on each other:

1. generate.py      reference data and base items -> seeds/reference/*.json, seeds/catalog/*.json,
                    seeds/certificate/certificate-types.json
2. bundles.py       reads seeds/catalog/service-items.json -> seeds/bundle/*.json
3. identity.py      demo people, enterprises, accounts, clients -> seeds/dev/identity/*.json
4. certificates.py  reads the demo identities -> seeds/dev/certificate/certificates.json, seeds/certificate/purposes.json
5. code.py          trust list and scan scenarios -> seeds/code/*.json, seeds/dev/code/*.json

Run: python3 seeds/_source/rebuild.py   (then `git diff seeds/` shows what changed)
"""
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ORDER = ["generate.py", "bundles.py", "identity.py", "certificates.py", "code.py"]

for script in ORDER:
    print(f"-> {script}", flush=True)
    subprocess.run([sys.executable, str(HERE / script)], cwd=HERE, check=True)
