"""An import-linter contract that layers and forbidden contracts cannot express.

"Each app's tables are read and written by that app": another app may use them only through
the owner's selectors and services. A module may import another app's models only if it is
itself a data module (its own models, selectors, services, admin, ...), so that views, forms,
rules and templatetags reach other apps through their selectors. Imports under
`if TYPE_CHECKING:` are left out of the graph (`exclude_type_checking_imports`), so a view may
still name another app's model in a type annotation.
"""

from typing import cast

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


class OwnModelsContract(Contract):
    """Configuration:
    - root: the package whose apps are checked (`lerendnetwerk`);
    - readers: the module names inside an app that may import another app's models;
    - ignore_apps: apps that may import any models (the demo data generator, for instance).
    """

    type_name = "own_models"

    root = fields.StringField()
    readers = fields.ListField(subfield=fields.StringField())
    ignore_apps = fields.ListField(subfield=fields.StringField(), required=False)

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        # After validation the fields hold plain values (the class attributes are descriptors).
        root = str(self.root)
        readers = set(cast(list[str], self.readers))
        ignored = set(cast(list[str], self.ignore_apps or []))
        violations = []
        for importer in sorted(graph.modules):
            parts = importer.split(".")
            if len(parts) < 3 or parts[0] != root or parts[1] in ignored or "tests" in parts:
                continue
            app, role = parts[1], parts[2]
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                target = imported.split(".")
                if len(target) < 3 or target[0] != root or target[2] != "models":
                    continue
                if target[1] == app or role in readers:
                    continue
                for detail in graph.get_import_details(importer=importer, imported=imported):
                    violations.append(
                        f"{importer}:{detail['line_number']} {detail['line_contents']}"
                    )
        return ContractCheck(kept=not violations, warnings=[], metadata={"lines": violations})

    def render_broken_contract(self, check: ContractCheck) -> None:
        output.print("Another app's models are used outside its selectors and services:")
        for line in check.metadata["lines"]:
            output.print_error(f"- {line}", bold=False)
        output.new_line()
        output.print(
            "Read them through that app's selectors.py or write through its services.py; "
            "for a type annotation only, import under `if TYPE_CHECKING:`."
        )
