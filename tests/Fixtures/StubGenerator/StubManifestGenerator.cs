using System.Collections.Generic;
using Iklim.StackSdk.Generators.Manifest;
using Microsoft.CodeAnalysis;

namespace StubGenerator;

/// <summary>
/// Emits a manifest with one written stack ("glue") and one blocked stack ("held"). The build property
/// <c>GlueVersion</c> goes into the prod overlay only, so a test can change exactly one artefact.
/// </summary>
[Generator]
public sealed class StubManifestGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var version = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
            options.GlobalOptions.TryGetValue("build_property.GlueVersion", out var value) && value.Length != 0 ? value : "1");
        context.RegisterSourceOutput(version, static (output, version) =>
        {
            var glue = new ManifestStack("glue", false, "1 services, prod overrides 1", new[]
            {
                File("docker-stack-glue.yml", "services:\n  web:\n    image: nginx:1.27.2-alpine\n"),
                File("docker-stack-glue.prod.yml", "services:\n  web:\n    deploy:\n      replicas: " + version + "\n"),
                File("init/gateway/init.sh", "#!/bin/sh\necho ready\n"),
            });
            var held = new ManifestStack("held", true, "IKS0004 in prod: an overlay cannot drop a placement constraint", new KeyValuePair<string, string>[0]);
            output.AddSource(ArtefactManifest.HintName, ArtefactManifest.Write(new[] { glue, held }));
        });
    }

    private static KeyValuePair<string, string> File(string path, string content) => new KeyValuePair<string, string>(path, content);
}
