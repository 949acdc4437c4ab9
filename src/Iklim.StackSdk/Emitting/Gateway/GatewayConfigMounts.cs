using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Emitting.Gateway;

/// <summary>
/// The emission step that mounts each gateway's config.yaml into its service. The base gets a top-level config entry
/// (<c>apisix_config</c>, <c>file: ./config/apisix/config.yaml</c>) and the mount at
/// <see cref="GatewayFiles.ConfigTarget"/>; a profile whose effective config.yaml differs redeclares the entry with
/// <c>file: ./config/apisix/config.&lt;profile&gt;.yaml</c>, which Docker's merge puts in place of the base's entry whole.
/// Each entry's Docker <c>name</c> carries a hash of the file, because Docker configs are immutable: a changed file
/// under the old name would make <c>docker stack deploy</c> fail. A gateway with an Admin API key also gets the key's
/// variable in its service's environment, where the profile that chose the variable declares it.
/// The emitters run it on whatever model they are given (through <see cref="DeployedStack"/>, which plans only what it
/// changes), so a model built as records gets the same files as one built by the DSL. Rules and validation see the
/// model without it: it adds nothing a rule reads, and nothing of it has a C# call a finding could point at.
/// </summary>
internal static class GatewayConfigMounts
{
    /// <summary>
    /// <paramref name="model"/> as Docker deploys it: with every gateway's config entry, mount and Admin API key variable.
    /// The same instance when it has no gateway config; applying it to its own result changes nothing. Every service
    /// and entry it does not change stays the same instance, which is what lets the plan keep them.
    /// </summary>
    public static StackModel Of(StackModel model) => Attach(model);

    private static StackModel Attach(StackModel model)
    {
        var result = model;
        foreach (var service in GatewayFiles.Services(model))
        {
            var baseConfig = GatewayFiles.BaseConfig(model, service);
            if (baseConfig is not null)
            {
                var content = GatewayConfigEmitter.Emit(model.Name, GatewayScriptEmitter.BaseProfile, baseConfig);
                result = result with { Base = PassAdminKey(Mount(result.Base, model.Name, service, null, content), service, baseConfig.AdminApi) };
            }

            var profiles = result.Profiles.ToList();
            for (var i = 0; i < profiles.Count; i++)
            {
                if (GatewayFiles.ProfileConfig(model, service, profiles[i]) is { } effective)
                {
                    var content = GatewayConfigEmitter.Emit(model.Name, profiles[i].Name, effective);
                    var changes = Mount(profiles[i].Changes, model.Name, service, profiles[i].Name, content, mountService: baseConfig is null);
                    var newKey = effective.AdminApi is { } admin && admin.KeyVariable != baseConfig?.AdminApi?.KeyVariable ? admin : null;
                    profiles[i] = profiles[i] with { Changes = PassAdminKey(changes, service, newKey) };
                    result = result with { Profiles = profiles.ToValueList() };
                }
            }
        }

        return result;
    }

    private static StackScope Mount(StackScope scope, string stack, string service, string? profile, string content, bool mountService = true)
    {
        var name = GatewayFiles.ConfigName(service);
        var entry = new FileResourceSpec(name)
        {
            File = "./" + GatewayFiles.ConfigPath(service, profile),
            ExternalName = stack + "_" + name + "_" + Hash(content),
            WrittenByBuild = true,
        };
        scope = scope with { Configs = scope.Configs.Upsert(c => c.Name == name, entry) };
        if (!mountService)
        {
            return scope;
        }

        var spec = scope.Service(service) ?? new ServiceSpec(service);
        var mounted = spec with { Configs = spec.Configs.Upsert(c => c.Source == name, new FileReference(name, GatewayFiles.ConfigTarget)) };
        return scope with { Services = scope.Services.Upsert(s => s.Name == service, mounted) };
    }

    /// <summary>
    /// The gateway's service gets the Admin API key's variable in its environment, as a deploy-time reference that
    /// <c>docker stack deploy</c> refuses to leave empty: APISIX substitutes it into config.yaml when it starts.
    /// </summary>
    private static StackScope PassAdminKey(StackScope scope, string service, AdminApiSpec? admin)
    {
        if (admin is null)
        {
            return scope;
        }

        var spec = scope.Service(service) ?? new ServiceSpec(service);
        var value = Env.Required(admin.KeyVariable, "set " + admin.KeyVariable + " to the APISIX Admin API key");
        var passed = spec with { Environment = spec.Environment.Set(admin.KeyVariable, value) };
        return scope with { Services = scope.Services.Upsert(s => s.Name == service, passed) };
    }

    private static string Hash(string content)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(content));
        return string.Concat(bytes.Take(5).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
