using Iklim.StackSdk.Cli.Tests.Support;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Cli.Tests;

/// <summary>
/// The importer reads '$' as Docker does: <c>$$</c> is a literal '$' of the C# string, each <c>${...}</c> form is its
/// Env call, and the rebuilt stack is the same deployment under <c>docker stack config</c>.
/// </summary>
[Trait("Category", "Import")]
public sealed class DollarImportTests
{
    private const string Compose = """
        services:
          api:
            image: traefik/whoami:v1.10.3
            environment:
              PLAIN: ${DOMAIN}
              FALLBACK: ${PORT:-80}
              UNSET_ONLY: ${MODE-fast}
              REQUIRED: ${KEY:?set KEY}
              REQUIRED_OR_EMPTY: ${FLAGS?set FLAGS}
              AROUND: pre-$${X}-${DOMAIN}-$$
              SHELL: $$HOME
            labels:
              traefik.http.middlewares.auth.basicauth.users: "admin:$$apr1$$8f$$Zb/"
        """;

    [Fact]
    public void DollarsAndEveryEnvForm_RoundTrip()
    {
        using var folder = new TempFolder();
        var code = RoundTrip.Check("dollars", folder.Write("docker-stack.yml", Compose));

        Assert.Contains("Env.Var(\"DOMAIN\")", code, StringComparison.Ordinal);
        Assert.Contains("Env.Var(\"PORT\", \"80\")", code, StringComparison.Ordinal);
        Assert.Contains("Env.Var(\"MODE\", \"fast\", onlyWhenUnset: true)", code, StringComparison.Ordinal);
        Assert.Contains("Env.Required(\"KEY\", \"set KEY\")", code, StringComparison.Ordinal);
        Assert.Contains("Env.Required(\"FLAGS\", \"set FLAGS\", allowEmpty: true)", code, StringComparison.Ordinal);
        Assert.Contains("$\"pre-${{X}}-{Env.Var(\"DOMAIN\")}-$\"", code, StringComparison.Ordinal);
        Assert.Contains("\"$HOME\"", code, StringComparison.Ordinal);
        Assert.Contains("\"admin:$apr1$8f$Zb/\"", code, StringComparison.Ordinal);
    }

    [Fact]
    public void ReferenceNoEnvCallMakes_IsRefusedAtItsLine()
    {
        using var folder = new TempFolder();
        var file = folder.Write("docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\n    environment:\n      KEY: ${KEY:?a non-empty key}\n");

        var result = Tool.Run("import", file, "--name", "shop", "--output", Path.Combine(folder.Path, "Shop"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("docker-stack.yml(5): error: services.api.environment.KEY: '${KEY:?a non-empty key}' is not a variable reference the DSL can write", result.Error, StringComparison.Ordinal);
    }
}
