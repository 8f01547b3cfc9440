import Foundation
import HedgeplanTestSupport
import HedgeplanSyntax
import Testing
@testable import HedgeplanIR

/// The bundled strategies validate, start with the schema modeline, and the checked-in
/// schema is what `hedgeplan schema` prints.
struct BundledStrategyTests {
    static let files = Paths.allStrategyFiles.map(\.lastPathComponent)

    @Test func thereIsAStrategyPerTemplateAndLegType() throws {
        var templates = Set<StructureKind>()
        var legTypes = Set<LegType>()
        for url in Paths.allStrategyFiles {
            guard let strategy = StrategyLoader.load(path: url.path, now: testNow).strategy else { continue }
            if let kind = strategy.structure?.value { templates.insert(kind) }
            if let kind = strategy.declaredKind?.value { templates.insert(kind) }
            legTypes.formUnion(strategy.legs.map(\.instrument.type))
        }
        #expect(templates == Set(StructureKind.allCases), "missing: \(Set(StructureKind.allCases).subtracting(templates))")
        #expect(legTypes == Set(LegType.allCases), "missing: \(Set(LegType.allCases).subtracting(legTypes))")
    }

    @Test(arguments: files)
    func validates(_ file: String) throws {
        let url = Paths.allStrategyFiles.first { $0.lastPathComponent == file }!
        let loaded = StrategyLoader.load(path: url.path, now: testNow)
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map { "\($0.location): \($0.message)" })")
        #expect(loaded.strategy != nil)
        let firstLine = try String(contentsOf: url, encoding: .utf8).prefix { $0 != "\n" }
        #expect(firstLine.hasPrefix("# yaml-language-server: $schema=") && firstLine.hasSuffix("schema/strategy.schema.json"))
    }

    @Test func checkedInSchemaIsWhatTheCommandPrints() throws {
        let checkedIn = try String(contentsOf: Paths.schema, encoding: .utf8)
        #expect(checkedIn == JSONSchemaEmitter.schema().serialized(),
                "schema/strategy.schema.json is stale: run `swift run hedgeplan schema > schema/strategy.schema.json`")
    }

    /// Validates every strategy, as JSON under YAML 1.2 typing, with an independent JSON
    /// Schema implementation (Python's `jsonschema`), and checks that it rejects a typo.
    @Test func strategiesConformToTheSchemaByAnIndependentValidator() throws {
        let folder = try ScratchFolder.make("hedgeplan-schema")
        defer { try? FileManager.default.removeItem(at: folder) }
        var documents: [String] = []
        for url in Paths.allStrategyFiles {
            let root = try #require(SyntaxParser.parse(path: url.path).root)
            let target = folder.appendingPathComponent(url.lastPathComponent + ".json")
            try root.jsonValue.serialized().write(to: target, atomically: true, encoding: .utf8)
            documents.append(target.path)
        }
        let typo = try #require(SyntaxParser.parse(SourceText(path: "typo.yaml", text: """
            hedgeplan: 1
            name: typo
            underlying: ETH/USDC
            market: { spot: 3000, volatilty: 60% }
            legs: [{ side: long, type: spot, quantity: 1 }]
            """)).root)
        let typoPath = folder.appendingPathComponent("typo.json").path
        try typo.jsonValue.serialized().write(toFile: typoPath, atomically: true, encoding: .utf8)

        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft7Validator.check_schema(schema)
            validator = jsonschema.Draft7Validator(schema)
            bad = 0
            for path in sys.argv[2:]:
                errors = list(validator.iter_errors(json.load(open(path))))
                expect_invalid = path.endswith("typo.json")
                if bool(errors) != expect_invalid:
                    bad += 1
                    print(path, [e.message for e in errors] or "accepted a document with a typo")
            sys.exit(1 if bad else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, Paths.schema.path] + documents + [typoPath]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 + jsonschema (pip install jsonschema): \(output)")
    }
}
