using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Infohus.Api.Web.Charts;

/// <summary>One bar: its label and its value as the table beside it shows it ("12", "&lt;5", "..").</summary>
public sealed record Bar(string Label, string Value);

/// <summary>
/// A horizontal bar chart rendered on the server as inline SVG: no script, prints on A4 as drawn.
/// The SVG is one image to assistive technology (<c>role="img"</c> named by its <c>&lt;title&gt;</c> and
/// <c>&lt;desc&gt;</c>); the figures are read from the data table beside it. A hidden count gets no bar
/// and its marker written where the bar would start, exactly as in the table: <c>&lt;5</c> or <c>..</c>.
/// </summary>
public static class BarChart
{
    private const int Width = 680;
    private const int LabelWidth = 250;
    private const int BarArea = 340;
    private const int RowHeight = 26;
    private const int BarHeight = 16;
    private const int Top = 6;
    private const int LabelChars = 36;

    public static IHtmlContent Svg(string id, string title, IReadOnlyList<Bar> bars)
    {
        var max = bars.Select(b => Count(b.Value) ?? 0).DefaultIfEmpty(0).Max();
        var height = Top * 2 + bars.Count * RowHeight;
        var description = string.Join("; ", bars.Select(b => $"{b.Label}: {b.Value}"));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"bar-chart\" id=\"{Attr(id)}\" role=\"img\" aria-labelledby=\"{Attr(id)}-title {Attr(id)}-desc\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{Attr(id)}-title\">{Text(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{Attr(id)}-desc\">{Text(description)}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Top + i * RowHeight;
            var middle = y + RowHeight / 2;
            var label = bar.Label.Length > LabelChars ? bar.Label[..(LabelChars - 1)] + "…" : bar.Label;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"bar-label\" x=\"{LabelWidth - 8}\" y=\"{middle}\" text-anchor=\"end\" dominant-baseline=\"middle\">{Text(label)}</text>");
            if (Count(bar.Value) is { } count)
            {
                var length = max == 0 ? 0 : (int)Math.Round((double)count / max * BarArea);
                if (count > 0 && length < 2) length = 2;
                if (length > 0)
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{middle - BarHeight / 2}\" width=\"{length}\" height=\"{BarHeight}\"/>");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"bar-value\" data-value=\"{Attr(bar.Value)}\" x=\"{LabelWidth + length + 6}\" y=\"{middle}\" dominant-baseline=\"middle\">{Text(bar.Value)}</text>");
            }
            else
            {
                // No bar for a hidden count: its size is exactly what must not be shown.
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"bar-hidden\" x=\"{LabelWidth}\" y=\"{middle - BarHeight / 2}\" width=\"22\" height=\"{BarHeight}\"/>");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"bar-value\" data-value=\"{Attr(bar.Value)}\" x=\"{LabelWidth + 28}\" y=\"{middle}\" dominant-baseline=\"middle\">{Text(bar.Value)}</text>");
            }
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"bar-axis\" x1=\"{LabelWidth}\" y1=\"{Top}\" x2=\"{LabelWidth}\" y2=\"{height - Top}\"/>");
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>A shown count, or null for "&lt;5" and "..".</summary>
    public static int? Count(string value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Text(string text) => WebUtility.HtmlEncode(text);

    private static string Attr(string text) => WebUtility.HtmlEncode(text);
}
