using System;
using System.Text.RegularExpressions;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk;

/// <summary>
/// The C# source of the <see cref="Env"/> call that makes a given reference: what the importer writes for a
/// <c>${...}</c> of a compose file and what the IKS0115 fix writes for one typed in a string. The call is checked by
/// running it, so the source never names a call that would throw or make another reference.
/// </summary>
internal static class EnvSource
{
    private static readonly Regex Body = new(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<form>:-|-|:\?|\?)(?<rest>.*))?$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    /// <summary>
    /// <c>Env.Var("NAME")</c>, <c>Env.Var("NAME", "fallback")</c> (<c>:-</c>), with <c>onlyWhenUnset: true</c> (<c>-</c>),
    /// <c>Env.Required("NAME", "message")</c> (<c>:?</c>) or with <c>allowEmpty: true</c> (<c>?</c>) for the reference
    /// <c>${body}</c>, its strings written by <paramref name="literal"/>; null when no Env call makes it.
    /// </summary>
    public static string? Call(string body, Func<string, string> literal)
    {
        var match = Body.Match(body);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        var rest = match.Groups["rest"].Value;
        var form = match.Groups["form"].Value;
        try
        {
            var (made, source) = form switch
            {
                "" => (Env.Var(name), "Env.Var(" + literal(name) + ")"),
                ":-" => (Env.Var(name, rest), "Env.Var(" + literal(name) + ", " + literal(rest) + ")"),
                "-" => (Env.Var(name, rest, onlyWhenUnset: true), "Env.Var(" + literal(name) + ", " + literal(rest) + ", onlyWhenUnset: true)"),
                ":?" => (Env.Required(name, rest), "Env.Required(" + literal(name) + ", " + literal(rest) + ")"),
                _ => (Env.Required(name, rest, allowEmpty: true), "Env.Required(" + literal(name) + ", " + literal(rest) + ", allowEmpty: true)"),
            };
            return made == Interpolation.Reference(body) ? source : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
