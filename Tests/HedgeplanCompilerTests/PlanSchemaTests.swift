import Foundation
import Testing

/// Every golden plan conforms to the documented plan schema (`schema/plan.schema.json`),
/// checked by an independent validator (Python's jsonschema), which also rejects a plan
/// with an unknown field.
struct PlanSchemaTests {
    @Test func goldenPlansConformToTheSchema() throws {
        let golden = Fixtures.golden
        let plans = try FileManager.default.contentsOfDirectory(atPath: golden.path).filter { $0.hasSuffix(".plan.json") }.sorted()
        #expect(plans.count >= 17)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft7Validator.check_schema(schema)
            v = jsonschema.Draft7Validator(schema)
            bad = 0
            for path in sys.argv[2:]:
                plan = json.load(open(path))
                errors = [e.message for e in v.iter_errors(plan)]
                if errors: bad += 1; print(path, errors[:3])
            tampered = json.load(open(sys.argv[2])); tampered["legs"][0]["strik"] = 1
            if not list(v.iter_errors(tampered)): bad += 1; print("a plan with an unknown field was accepted")
            sys.exit(1 if bad else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, Fixtures.root.appendingPathComponent("schema/plan.schema.json").path]
            + plans.map { golden.appendingPathComponent($0).path }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
    }
}
