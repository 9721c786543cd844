"""Validates docs/openapi.yaml and checks sample answers against its component schemas.

Usage: validate_openapi.py <openapi.yaml> <samples.json>
samples.json maps a schema name (under components/schemas) to a list of JSON values.
For the samples every object schema is closed (additionalProperties: false), so an answer field the
document does not describe is reported.
Exit codes: 0 ok, 1 validation failure (reasons on stderr), 3 a required Python package is missing.
"""
import copy
import json
import sys

try:
    from openapi_schema_validator import OAS31Validator
    from openapi_spec_validator import validate
    from openapi_spec_validator.readers import read_from_filename
except ImportError as error:  # reported to the Swift test, which applies HERALD_REQUIRE_INTEROP
    print(f"missing package: {error}", file=sys.stderr)
    sys.exit(3)


def closed(node):
    """Copies a schema tree, forbidding properties that are not declared."""
    if isinstance(node, dict):
        result = {key: closed(value) for key, value in node.items()}
        if result.get("type") == "object" and "properties" in result and "additionalProperties" not in result:
            result["additionalProperties"] = False
        return result
    if isinstance(node, list):
        return [closed(item) for item in node]
    return node


def main():
    spec, _ = read_from_filename(sys.argv[1])
    validate(spec)
    with open(sys.argv[2], encoding="utf-8") as handle:
        samples = json.load(handle)
    components = closed(copy.deepcopy(spec["components"]))
    failures = []
    for name, values in samples.items():
        if name not in components["schemas"]:
            failures.append(f"{name}: no such schema")
            continue
        validator = OAS31Validator({"$ref": f"#/components/schemas/{name}", "components": components})
        for index, value in enumerate(values):
            for error in validator.iter_errors(value):
                path = "/".join(str(part) for part in error.absolute_path)
                failures.append(f"{name}[{index}] at '{path}': {error.message}")
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
