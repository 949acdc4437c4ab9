using Iklim.StackSdk.Model;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Rules;

/// <summary>IKS0108: secret-like environment variables with a literal value.</summary>
public sealed class SecretInPlainEnvironmentModelTests
{
    private const string Id = "IKS0108";

    [Fact]
    public void LiteralPassword_TriggersWithoutEchoingTheValue()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("redis").Image("redis:7.4.2").Environment("REDIS_PASSWORD", "hunter2"));

        var finding = RuleStack.Single(findings, "", "Environment:REDIS_PASSWORD", "base");
        Assert.Equal(
            "service 'redis' sets the secret-like environment variable 'REDIS_PASSWORD' to a literal value in the base stack: it ends up in the stack file and in docker service inspect. Use Env.Var(\"REDIS_PASSWORD\") or a Docker secret (.Secret(...) and REDIS_PASSWORD_FILE=/run/secrets/...).",
            finding.Message);
        Assert.DoesNotContain("hunter2", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("API_KEY")]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("jwt_secret")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("RABBITMQ_ERLANG_COOKIE")]
    [InlineData("DBPASSWORD")]
    public void SecretLikeNames_Trigger(string name)
    {
        var findings = RuleStack.Findings(Id, s => s.Service("app").Image("app:1.0.0").Environment(name, "s3cr3t-value"));

        RuleStack.Single(findings, "", "Environment:" + name, "base");
    }

    [Fact]
    public void ProfileSetsALiteral_TriggersAtTheProfilesEnvironment()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("redis").Image("redis:7.4.2").Environment("REDIS_PASSWORD", Env.Var("REDIS_PASSWORD")),
            prod => prod.Service("redis").Environment("REDIS_PASSWORD", "prod-password"));

        Assert.Contains("in profile 'prod'", RuleStack.Single(findings, "prod", "Environment:REDIS_PASSWORD", "prod").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileReplacesABaseLiteralWithAnotherLiteral_TriggersForBoth()
    {
        var findings = RuleStack.Findings(
            Id,
            s => s.Service("redis").Image("redis:7.4.2").Environment("REDIS_PASSWORD", "test-password"),
            prod => prod.Service("redis").Environment("REDIS_PASSWORD", "prod-password"));

        Assert.Equal(new[] { ("", "base"), ("prod", "prod") }, findings.Select(f => (f.Where.Scope, (string)f.Origin!)));
    }

    [Fact]
    public void DeployTimeVariablesAndSecretFiles_DoNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("redis").Image("redis:7.4.2")
            .Environment("REDIS_PASSWORD", Env.Var("REDIS_PASSWORD"))
            .Environment("REDIS_MASTER_PASSWORD", Interpolation.FromCompose("${REDIS_PASSWORD}"))
            .Environment("DATABASE_URL_PASSWORD", "/run/secrets/db_password")
            .Environment("RABBITMQ_ERLANG_COOKIE_FILE", "/run/secrets/rabbitmq_erlang_cookie")
            .Environment("TLS_KEY_FILE", "/vault/certs/key.pem"));

        Assert.Empty(findings);
    }

    [Fact]
    public void SwitchesEmptyValuesAndHarmlessNames_DoNotTrigger()
    {
        var findings = RuleStack.Findings(Id, s => s.Service("redis").Image("redis:7.4.2")
            .Environment("ALLOW_EMPTY_PASSWORD", "no")
            .Environment("VAULT_SKIP_VERIFY_TOKEN", "true")
            .Environment("ADMIN_PASSWORD", "")
            .Environment("KEYCLOAK_URL", "https://id.iklim.co")
            .Environment("TOKEN_URL", "https://id.iklim.co/token")
            .Environment("MONKEY", "banana"));

        Assert.Empty(findings);
    }

    [Fact]
    public void BaseProblemFixedOrUntouchedByTheProfile_IsReportedOnlyForTheBase()
    {
        var findings = RuleStack.Findings(
            Id,
            s =>
            {
                s.Service("a").Image("app:1.0.0").Environment("API_TOKEN", "t0ken");
                s.Service("b").Image("app:1.0.0").Environment("API_TOKEN", "t0ken");
            },
            prod =>
            {
                prod.Service("a").Environment("API_TOKEN", Env.Var("API_TOKEN"));
                prod.Service("b").Environment("MODE", "prod");
            });

        Assert.Equal(new[] { ("a", ""), ("b", "") }, findings.Select(f => (f.Where.Name, f.Where.Scope)));
    }
}
