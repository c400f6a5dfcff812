#!/usr/bin/python3
"""validate.py SCHEMA [DOC|-]... — validate JSON documents, or YAML files
(*.yaml, parsed with PyYAML as YAML 1.1 scalars kept as strings where the
plan format says so), against a JSON Schema (the draft its "$schema" names: draft-07 for ours,
draft-04 for the official SARIF 2.1.0 schema). Prints one line per
problem and exits 1 if any. Used by tests/cli/*.sh (Debian python3-jsonschema)."""
import json
import sys

import jsonschema


def load(path):
    text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
    if path.endswith((".yaml", ".yml")):
        import yaml

        class Loader(yaml.SafeLoader):
            pass
        # The plan format has no implicit dates/numbers: every scalar the
        # loader reads as text must be text here too (2024-04-09 stays a
        # string; true/false stay booleans, as in the loader).
        Loader.yaml_implicit_resolvers = {
            k: [(tag, rx) for tag, rx in v if tag.endswith(":bool") or tag.endswith(":null")]
            for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }
        return yaml.load(text, Loader=Loader)
    return json.loads(text)


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    cls.check_schema(schema)
    validator = cls(schema)
    bad = 0
    for path in sys.argv[2:]:
        try:
            doc = load(path)
        except Exception as e:  # not JSON/YAML at all
            print(f"{path}: cannot parse: {e}")
            bad += 1
            continue
        for err in sorted(validator.iter_errors(doc), key=lambda e: list(e.path)):
            print(f"{path}: {'/'.join(map(str, err.path)) or '(root)'}: {err.message}")
            bad += 1
    sys.exit(1 if bad else 0)


main()
