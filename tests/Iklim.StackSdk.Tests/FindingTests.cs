using Iklim.StackSdk.Building;

namespace Iklim.StackSdk.Tests;

/// <summary>A finding prints as text (assert messages, logs) without recursing through <see cref="SourceRef.AtDeclaration"/>.</summary>
public sealed class FindingTests
{
    [Fact]
    public void ToString_NamesIdMessageAndPlace()
    {
        var finding = new Finding("IKS0104", FindingSeverity.Warning, "pending", new SourceRef("prod", "service", "vault", "Replicas"));

        Assert.Equal(
            "Finding { Id = IKS0104, Severity = Warning, Message = pending, Where = SourceRef { Scope = prod, Kind = service, Name = vault, Key = Replicas }, Origin =  }",
            finding.ToString());
    }
}
