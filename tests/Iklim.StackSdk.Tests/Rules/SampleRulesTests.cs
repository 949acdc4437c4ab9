using Iklim.StackSdk.Building;
using Iklim.StackSdk.Rules;
using IklimProd;

namespace Iklim.StackSdk.Tests.Rules;

/// <summary>
/// The seed's prod design passes the rules: the IklimProd sample's only policy findings are the ones it keeps on purpose
/// and suppresses in its source (the analyzer tests check the pragmas): the bitnamisecure images, whose only free tag
/// is latest, the Redis master's node-local volume, which the seed lets move between the app nodes, and the volume
/// of the standalone etcd, idle in prod.
/// </summary>
public sealed class SampleRulesTests
{
    [Fact]
    public void Sample_HasOnlyTheFindingsItSuppresses()
    {
        var model = StackBuilder.Run(new InfraStack()).Model;

        var expected = new[]
        {
            ("IKS0107", "prod", "redis", "Image"),
            ("IKS0107", "prod", "redis-replica", "Image"),
            ("IKS0107", "prod", "redis-sentinel", "Image"),
            ("IKS0111", "prod", "etcd", "Volume:/etcd-data"),
            ("IKS0111", "prod", "redis", "Volume:/data"),
        };
        Assert.Equal(expected, StackRules.Check(model).Select(f => (f.Id, f.Where.Scope, f.Where.Name, f.Where.Key)).Order().ToArray());
        Assert.Equal(expected, model.Validate().Select(f => (f.Id, f.Where.Scope, f.Where.Name, f.Where.Key)).Order().ToArray());
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
