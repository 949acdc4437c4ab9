using System.Text;
using Xunit;

namespace Iklim.StackSdk.Build.Tests;

/// <summary>
/// Nothing leaked: the IklimProd sample built as a user builds it, with the deploy-time secrets and data dirs set in
/// the build's environment. Env.Var is a reference written as <c>${NAME}</c> for docker to interpolate at deploy
/// time; the build must never read the value, so no artefact (nor the build log, nor the generated manifest) may
/// contain it, and the artefacts are byte-identical to the committed ones.
/// </summary>
[Trait("Category", "Build")]
[Trait("Category", "Leak")]
[Collection(nameof(StackProjectBuildTests))]
public sealed class SecretLeakBuildTests
{
    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["REDIS_PASSWORD"] = "leak-redis-Pa55w0rd-7d1f",
        ["RABBITMQ_ERLANG_COOKIE"] = "leak-erlang-cookie-93ab",
        ["PROMETHEUS_DATA_DIR"] = "/should/not/appear",
        ["GRAFANA_DATA_DIR"] = "/should/not/appear/either",
        ["SWAG_CONFIG_DIR"] = "/leak/swag/config",
    };

    [Fact]
    public void IklimProd_BuiltWithSecretsInTheEnvironment_LeaksNoneOfThem()
    {
        using var fixture = new FixtureBuild("TinyStack");
        var project = fixture.TempPath("IklimProd");
        Directory.CreateDirectory(project);
        var sample = Path.Combine(FixtureBuild.RepoRoot, "samples", "IklimProd");
        File.Copy(Path.Combine(sample, "InfraStack.cs"), Path.Combine(project, "InfraStack.cs"));
        File.WriteAllText(Path.Combine(project, "IklimProd.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsPackable>false</IsPackable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="$(IklimRepoRoot)samples/IklimProd.Conventions/IklimProd.Conventions.csproj" />
              </ItemGroup>
              <Import Project="$(IklimRepoRoot)build/IklimStackSdk.InRepo.props" />
            </Project>
            """);

        var build = FixtureBuild.BuildIn(project, Secrets);

        Assert.True(build.ExitCode == 0, build.Output);
        var deploy = FixtureBuild.Snapshot(Path.Combine(project, "deploy"));
        Assert.Contains("docker-stack-infra.yml", deploy.Keys);
        Assert.Contains("docker-stack-infra.prod.yml", deploy.Keys);

        // Every file the build produced or kept: deploy/ and everything under obj/ and bin/ that is text (the manifest included).
        var scanned = deploy.Select(f => ("deploy/" + f.Key, f.Value))
            .Concat(FixtureBuild.Snapshot(Path.Combine(project, "obj")).Select(f => ("obj/" + f.Key, f.Value)))
            .Concat(FixtureBuild.Snapshot(Path.Combine(project, "bin")).Select(f => ("bin/" + f.Key, f.Value)))
            .Select(f => (f.Item1, f.Item1.EndsWith(".g.cs", StringComparison.Ordinal) ? WithBase64Decoded(f.Value) : f.Value))
            .ToList();
        Assert.Contains(scanned, f => f.Item1.EndsWith("IklimStackArtefacts.g.cs", StringComparison.Ordinal));
        foreach (var (name, value) in Secrets)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            Assert.DoesNotContain(value, build.Output, StringComparison.Ordinal);
            foreach (var (path, content) in scanned)
            {
                Assert.False(content.AsSpan().IndexOf(bytes) >= 0, $"{path} contains the value of {name}");
            }
        }

        // The references survive verbatim, for docker to interpolate at deploy time.
        var baseFile = Encoding.UTF8.GetString(deploy["docker-stack-infra.yml"]);
        var prodFile = Encoding.UTF8.GetString(deploy["docker-stack-infra.prod.yml"]);
        Assert.Contains("REDIS_PASSWORD: ${REDIS_PASSWORD}\n", prodFile, StringComparison.Ordinal);
        Assert.Contains("REDIS_MASTER_PASSWORD: ${REDIS_PASSWORD}\n", prodFile, StringComparison.Ordinal);
        Assert.Contains("- ${PROMETHEUS_DATA_DIR:-prometheus-vl}:/prometheus\n", baseFile, StringComparison.Ordinal);
        Assert.Contains("- ${GRAFANA_DATA_DIR:-grafana-vl}:/var/lib/grafana\n", baseFile, StringComparison.Ordinal);
        Assert.Contains("- ${SWAG_CONFIG_DIR:-swag-vl}:/config\n", baseFile, StringComparison.Ordinal);

        // And the environment changed nothing: the files are the committed ones, byte for byte.
        var committed = FixtureBuild.Snapshot(Path.Combine(sample, "deploy"));
        Assert.Equal(committed.Keys, deploy.Keys);
        foreach (var (path, bytes) in committed)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(deploy[path]), path + " differs from the committed file when built with secrets in the environment");
        }
    }

    /// <summary>The manifest carries every field as base64: scan the decoded fields too.</summary>
    private static byte[] WithBase64Decoded(byte[] content)
    {
        var decoded = new List<byte>(content);
        foreach (var word in Encoding.UTF8.GetString(content).Split(' ', '\n', '\r'))
        {
            var buffer = new byte[word.Length];
            if (word.Length > 0 && Convert.TryFromBase64String(word, buffer, out var written))
            {
                decoded.Add((byte)'\n');
                decoded.AddRange(buffer.AsSpan(0, written).ToArray());
            }
        }

        return decoded.ToArray();
    }
}
