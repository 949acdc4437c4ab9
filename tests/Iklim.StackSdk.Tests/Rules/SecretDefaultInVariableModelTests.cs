using Iklim.StackSdk.Model;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Rules;

/// <summary>IKS0112: a secret-like variable whose ${VAR:-default} default is a literal.</summary>
public sealed class SecretDefaultInVariableModelTests
{
    private const string Id = "IKS0112";

    // swarmprom's grafana: GF_SECURITY_ADMIN_PASSWORD=${ADMIN_PASSWORD:-admin}.
    [Fact]
    public void LiteralDefault_Triggers_WithoutTheDefaultInTheMessage()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("grafana").Image("grafana/grafana:11.3.1").Environment("GF_SECURITY_ADMIN_PASSWORD", Interpolation.FromCompose("${ADMIN_PASSWORD:-admin}")));

        var finding = RuleStack.Single(findings, "", "Environment:GF_SECURITY_ADMIN_PASSWORD", "base");
        Assert.Equal(
            "service 'grafana' sets the secret-like environment variable 'GF_SECURITY_ADMIN_PASSWORD' to ${ADMIN_PASSWORD} with a literal default in the base stack: a deploy without ADMIN_PASSWORD set runs with that default, and it is written in the stack file and in git. Use Env.Var(\"ADMIN_PASSWORD\") without a default, or a Docker secret.",
            finding.Message);
        Assert.DoesNotContain("admin}", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("API_TOKEN", "${TOKEN-abc123}")]
    [InlineData("DB_PASSWORD", "prefix-${DB_PASS:-hunter2}")]
    [InlineData("JWT_SECRET", "${JWT:-s3cr3t}")]
    [InlineData("ADMIN_PASSWORD", "${ADMIN_PASSWORD:-admin}")]
    public void OtherShapes_Trigger(string name, string value)
    {
        RuleStack.Single(RuleStack.Findings(Id, s => s.Service("app").Image("app:1.0.0").Environment(name, Interpolation.FromCompose(value))), "", "Environment:" + name, "base");
    }

    [Fact]
    public void GlobalService_TriggersToo()
    {
        // swarmprom's caddy is global with ADMIN_PASSWORD=${ADMIN_PASSWORD:-admin}: the default is in the file all the same.
        var findings = RuleStack.Findings(Id, s => s.Service("caddy").Image("caddy:2.8.4").Environment("ADMIN_PASSWORD", Env.Var("ADMIN_PASSWORD", "admin")).Global());

        RuleStack.Single(findings, "", "Environment:ADMIN_PASSWORD", "base");
    }

    [Fact]
    public void NoDefaultEmptyDefaultVariableDefaultOrNotASecret_DoesNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("app").Image("app:1.0.0")
            .Environment("A_PASSWORD", Interpolation.FromCompose("${A_PASSWORD}"))
            .Environment("B_PASSWORD", Interpolation.FromCompose("${B_PASSWORD:-}"))
            .Environment("C_PASSWORD", Interpolation.FromCompose("${C_PASSWORD:-${FALLBACK_PASSWORD}}"))
            .Environment("D_PASSWORD_FILE", Interpolation.FromCompose("${D_FILE:-/run/secrets/d}"))
            .Environment("E_PASSWORD", Interpolation.FromCompose("${E:-/run/secrets/e}"))
            .Environment("ALLOW_EMPTY_PASSWORD", Interpolation.FromCompose("${ALLOW_EMPTY:-no}"))
            .Environment("ADMIN_USER", Interpolation.FromCompose("${ADMIN_USER:-admin}"))
            .Environment("REDIS_HOST", Interpolation.FromCompose("${REDIS_HOST:-redis}")));

        Assert.Empty(findings);
    }

    [Fact]
    public void ProfileAddsADefault_TriggersAtTheProfilesCall()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("redis").Image("redis:7.2.5-alpine").Environment("REDIS_PASSWORD", Env.Var("REDIS_PASSWORD")),
            prod => prod.Service("redis").Environment("REDIS_PASSWORD", Env.Var("REDIS_PASSWORD", "changeme")));

        Assert.Contains("in profile 'prod'", RuleStack.Single(findings, "prod", "Environment:REDIS_PASSWORD", "prod").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LiteralWithoutVariable_IsIks0108sNotThisRules()
    {
        Assert.Empty(RuleStack.Findings(Id, s => s.Service("app").Image("app:1.0.0").Environment("DB_PASSWORD", "hunter2")));
    }
}
