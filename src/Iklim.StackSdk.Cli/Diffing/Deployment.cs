using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Cli.Reading;
using Iklim.StackSdk.Merging;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Cli.Diffing;

/// <summary>What a list of compose files deploys together: each merged over the ones before by the SDK's Docker merge.</summary>
internal static class Deployment
{
    /// <summary>The effective stack of <c>docker stack deploy -c files[0] -c files[1] ...</c>.</summary>
    public static StackScope Effective(IReadOnlyList<ComposeFile> files) =>
        files.Skip(1).Aggregate(files[0].Scope, (merged, file) => DockerMerge.Merge(merged, file.Scope));

    /// <summary>
    /// <paramref name="scope"/> with what means the same to Swarm written the same way on both sides: a service
    /// without <c>deploy.mode</c> is replicated, a replicated job without replicas has one, and a placement constraint stated twice (Docker appends an overlay's
    /// constraints to the base's, so a repeated one appears twice) is one condition.
    /// </summary>
    public static StackScope Normalise(StackScope scope) => scope with
    {
        Services = scope.Services.Select(s => s with
        {
            Mode = s.Mode == ServiceMode.Replicated ? null : s.Mode,

            // A replicated job without replicas runs one completion (measured: MaxConcurrent 1, TotalCompletions 1).
            Replicas = s.Mode == ServiceMode.ReplicatedJob && s.Replicas is null ? 1 : s.Replicas,
            Constraints = s.Constraints.Distinct(System.StringComparer.Ordinal).ToValueList(),
        }).ToValueList(),
    };
}
