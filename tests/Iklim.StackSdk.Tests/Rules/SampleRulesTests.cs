using Iklim.StackSdk.Building;
using Iklim.StackSdk.Rules;
using IklimProd;

namespace Iklim.StackSdk.Tests.Rules;

/// <summary>The seed's prod design is correct: the IklimProd sample gets no policy warning, in the base or in prod.</summary>
public sealed class SampleRulesTests
{
    [Fact]
    public void Sample_HasNoPolicyFindings()
    {
        var model = StackBuilder.Run(new InfraStack()).Model;

        Assert.Empty(StackRules.Check(model));
        Assert.Empty(model.Validate());
    }

    [Fact]
    public void Validate_ReturnsWhatBuildReports()
    {
        var stack = new StackBuilder("s", "docker-stack.yml");
        stack.Volume("data");
        stack.Service("db").Image("postgres").Volume("data", "/var/lib/postgresql/data").Replicas(2).Environment("POSTGRES_PASSWORD", "pw");
        stack.Profile("prod", prod =>
        {
            prod.Node("a");
            prod.Service("db").Replicas(4).Constraint("node.labels.type == db");
        });

        var result = stack.Build();

        Assert.Equal(result.Findings, result.Model.Validate());
        Assert.Equal(
            new[] { "IKS0101", "IKS0107", "IKS0108", "IKS0101", "IKS0104" },
            result.Findings.Select(f => f.Id));
        Assert.All(StackRules.Ids, id => Assert.Matches("^IKS01[0-9]{2}$", id));
    }
}
