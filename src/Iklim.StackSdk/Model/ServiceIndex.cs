using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Iklim.StackSdk.Model;

/// <summary>
/// The services of a <see cref="StackScope"/> by name, built once per scope instance. Kept outside the record so that
/// scopes still compare by value; a scope is immutable (<c>with</c> makes a new instance), so the index never goes stale.
/// Rules, merging and emission look services up by name once per service, which would otherwise be quadratic.
/// </summary>
internal static class ServiceIndex
{
    private static readonly ConditionalWeakTable<StackScope, Dictionary<string, ServiceSpec>> Indexes = new();

    public static Dictionary<string, ServiceSpec> Of(StackScope scope) => Indexes.GetValue(scope, Build);

    private static Dictionary<string, ServiceSpec> Build(StackScope scope)
    {
        var index = new Dictionary<string, ServiceSpec>(scope.Services.Count, StringComparer.Ordinal);
        foreach (var service in scope.Services)
        {
            if (!index.ContainsKey(service.Name))
            {
                index.Add(service.Name, service);
            }
        }

        return index;
    }
}
