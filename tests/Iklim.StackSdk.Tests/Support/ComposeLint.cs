namespace Iklim.StackSdk.Tests.Support;

/// <summary>The compose-spec schema (ajv) and dclint, the two external checks every new compose key's files pass.</summary>
internal static class ComposeLint
{
    /// <summary>
    /// dclint's bundled compose-spec schema, written into <paramref name="folder"/>; its $schema URI lacks the '#'
    /// that ajv's draft-07 meta-schema id has.
    /// </summary>
    public static string WriteSchema(TempFolder folder)
    {
        var schemaText = File.ReadAllText(Path.Combine(ExternalTool.RepositoryRoot, "eng", "lint", "node_modules", "dclint", "schemas", "compose.schema.json"))
            .Replace("\"https://json-schema.org/draft-07/schema\"", "\"http://json-schema.org/draft-07/schema#\"", StringComparison.Ordinal);
        return folder.Write("compose.schema.json", schemaText);
    }

    /// <summary>Each file is valid under the compose-spec schema, and dclint finds nothing in any of them.</summary>
    public static void AssertSchemaAndDclint(TempFolder folder, params string[] files)
    {
        var ajv = ExternalTool.Require("ajv");
        var dclint = ExternalTool.Require("dclint");
        var schema = WriteSchema(folder);
        foreach (var file in files)
        {
            var (exitCode, output) = ExternalTool.Run(ajv, "validate", "-s", schema, "-d", file, "--spec=draft7", "--strict=false", "-c", "ajv-formats");
            Assert.True(exitCode == 0, output + "\n" + File.ReadAllText(file));
        }

        var lint = ExternalTool.Run(dclint, new[] { "-c", Path.Combine(ExternalTool.RepositoryRoot, "eng", "lint", "dclint.json"), "--max-warnings", "0" }.Concat(files).ToArray());
        Assert.True(lint.ExitCode == 0, lint.Output);
    }
}
