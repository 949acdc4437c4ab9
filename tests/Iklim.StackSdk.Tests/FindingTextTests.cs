using Iklim.StackSdk.Building;

namespace Iklim.StackSdk.Tests;

/// <summary>A finding can be logged: its text terminates and names where it was found.</summary>
public sealed class FindingTextTests
{
    [Fact]
    public void FindingToString_Terminates_AndNamesTheSetting()
    {
        var finding = new Finding("IKS0101", FindingSeverity.Warning, "redis runs 3 replicas", new SourceRef("prod", "service", "redis", "Replicas"));

        var text = finding.ToString();

        Assert.Equal("Finding { Id = IKS0101, Severity = Warning, Message = redis runs 3 replicas, Where = SourceRef { Scope = prod, Kind = service, Name = redis, Key = Replicas }, Origin =  }", text);
    }
}
