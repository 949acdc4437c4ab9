using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Building;

/// <summary>The model a stack's <c>Configure</c> produced, what was found wrong with it, and where each setting came from.</summary>
public sealed class StackBuildResult
{
    internal StackBuildResult(StackModel model, IReadOnlyList<Finding> findings, Provenance provenance)
    {
        Model = model;
        Findings = findings;
        Provenance = provenance;
    }

    /// <summary>The model.</summary>
    public StackModel Model { get; }

    /// <summary>Findings of building, validation (IKS0002–IKS0005) and the policy rules (IKS01xx), each with its origin resolved.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Which call set each setting.</summary>
    public Provenance Provenance { get; }

    /// <summary>True when a finding is an error: no artefact may be written.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);
}
