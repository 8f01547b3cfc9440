import ArgumentParser
import HedgeplanIR

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the strategy language.",
        discussion: """
            Editors that speak the YAML language server protocol complete keys and underline \
            mistakes from it. Point a strategy file at a copy with a modeline:
              # yaml-language-server: $schema=../schema/strategy.schema.json

            Example:
              hedgeplan schema > schema/strategy.schema.json
            """
    )

    func run() throws {
        Terminal.standardOutput.write(JSONSchemaEmitter.schema().serialized())
    }
}
