using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Iklim.StackSdk.Model;
using Scriban;
using Scriban.Runtime;

namespace Iklim.StackSdk.Emitting.Gateway;

/// <summary>
/// Writes <c>init/&lt;service&gt;-core/init.sh</c>: one bash script for every profile, switching on <c>$PROFILE</c>,
/// that PUTs the profile's effective upstreams, routes and global rules into the APISIX Admin API. The script's
/// shape is the Scriban template <c>init.sh.sbn</c>; every value is prepared here, quoted for the shell.
/// </summary>
internal static class GatewayScriptEmitter
{
    /// <summary>The name the base stack's branch of the script answers to: the base is the test environment.</summary>
    public const string BaseProfile = "test";

    private static readonly Template Template = LoadTemplate();

    /// <summary>The script of <paramref name="service"/>'s gateway, given its effective gateway per profile (base first).</summary>
    public static string Emit(string stack, string service, IReadOnlyList<(string Profile, GatewaySpec Gateway)> profiles)
    {
        var branches = new ScriptArray();
        var allVariables = new List<string>();
        foreach (var (profile, gateway) in profiles)
        {
            var calls = AdminApiCalls.For(gateway);
            var variables = AdminApiCalls.Variables(calls);
            allVariables.AddRange(variables.Where(v => !allVariables.Contains(v)));
            var branch = new ScriptObject
            {
                ["name"] = profile,
                ["label"] = ShellWord.Quote(profile),
                ["variables"] = new ScriptArray(variables.Select(v => new ScriptObject { ["name"] = v, ["json"] = JsonVariable(v) })),
                ["calls"] = new ScriptArray(calls.Select(c => new ScriptObject
                {
                    ["what"] = ShellWord.Quote(c.What),
                    ["path"] = ShellWord.Quote(c.Path),
                    ["body"] = Body(c.Body),
                })),
            };
            branches.Add(branch);
        }

        var model = new ScriptObject
        {
            ["stack"] = stack,
            ["service"] = service,
            ["profile_list"] = string.Join(", ", profiles.Select(p => p.Profile)),
            ["variable_list"] = string.Concat(allVariables.Select(v => v + "=... ")),
            ["uses_variables"] = allVariables.Count > 0,
            ["profiles"] = branches,
        };
        var context = new TemplateContext { StrictVariables = true, EnableRelaxedMemberAccess = false };
        context.PushGlobal(model);
        return Template.Render(context);
    }

    // The JSON-encoded copy of a variable: REDIS_PASSWORD is read once into redis_password_json.
    private static string JsonVariable(string variable) => variable.ToLowerInvariant() + "_json";

    // A body is its literal JSON pieces in single quotes, joined with "$<variable>_json" for values read at run time.
    private static string Body(IReadOnlyList<JsonPiece> pieces)
    {
        var word = new StringBuilder();
        foreach (var piece in pieces)
        {
            word.Append(piece.Literal is { } literal ? ShellWord.Quote(literal) : "\"$" + JsonVariable(piece.Variable!) + "\"");
        }

        return word.ToString();
    }

    private static Template LoadTemplate()
    {
        using var stream = typeof(GatewayScriptEmitter).Assembly.GetManifestResourceStream("Iklim.StackSdk.Emitting.Gateway.init.sh.sbn")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var template = Template.Parse(reader.ReadToEnd().Replace("\r\n", "\n"), "init.sh.sbn");
        if (template.HasErrors)
        {
            throw new InvalidDataException("init.sh.sbn: " + string.Join("; ", template.Messages));
        }

        return template;
    }
}

/// <summary>Shell quoting: a single-quoted word, with each <c>'</c> written as <c>'\''</c>. Nothing inside is expanded.</summary>
internal static class ShellWord
{
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";
}
