/**
 * How the e2e suites measure the board's colours: colour literals in a stylesheet
 * outside `var(--vscode-…)` fallbacks, and the WCAG contrast of what is painted
 * against what lies behind it in the page.
 */
/**
 * Colour literals in a stylesheet that are not the fallback of a `var(--vscode-…)`:
 * each `prop: value` whose value holds #hex, rgb()/hsl() or a named colour outside var().
 */
export function literalColours(css) {
  const named = /\b(white|black|red|green|blue|yellow|orange|purple|gray|grey|silver|navy|teal|maroon|olive|lime|aqua|fuchsia|pink|brown)\b/i;
  const found = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  for (const match of text.matchAll(/([a-z-]+)\s*:\s*([^;{}]+)/gi)) {
    const [, property, value] = match;
    // Blank out every var(...) (with its fallback), innermost first.
    let outside = value;
    for (let previous; previous !== outside; ) {
      previous = outside;
      outside = outside.replace(/var\([^()]*(\([^()]*\))*[^()]*\)/g, " ");
    }
    // A relative colour made from a theme variable (`rgb(from var(--vscode-…) r g b)`) is the theme's colour.
    outside = outside.replace(/\b(rgb|hsl)\(from\s+ (r g b|h s l)( \/ 1)?\)/g, " ");
    if (/#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i.test(outside) || named.test(outside.replace(/url\([^)]*\)/g, ""))) {
      if (/^(grid-template|font|content|animation|transition)/.test(property)) continue;
      found.push(`${property}: ${value.trim()}`);
    }
  }
  return found;
}

/**
 * WCAG contrast of each selector's paint against what is painted behind it (in the page):
 * its text colour, or `property` (`fill`, `stroke`, `background-color`) for a chart mark,
 * whose backdrop is the chart's track over the page.
 */
export function contrasts(page, selectors) {
  return page.evaluate((selectors) => {
    const canvas = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    // Any CSS colour (rgb(), color(srgb …) from color-mix) as 8-bit RGBA, through a canvas.
    const parse = (value) => {
      if (!value || value === "none") return null;
      canvas.clearRect(0, 0, 1, 1);
      canvas.fillStyle = "#000";
      canvas.fillStyle = value;
      canvas.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
      return { r, g, b, a: a / 255 };
    };
    const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
    const luminance = ({ r, g, b }) => {
      const c = [r, g, b].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const backdrop = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg && bg.a > 0) layers.push(bg);
        if (bg && bg.a >= 1) break;
      }
      return layers.reverse().reduce((acc, layer) => over(layer, acc), { r: 255, g: 255, b: 255, a: 1 });
    };
    const track = document.querySelector("svg.chart rect.track-bg");
    return selectors.map(([name, selector, property]) => {
      const el = document.querySelector(selector);
      if (!el) return { name, selector, missing: true };
      const style = getComputedStyle(el);
      const svg = el.closest("svg");
      let bg = svg ? backdrop(svg.parentElement) : backdrop(property ? el.parentElement : el);
      if (property && svg?.classList.contains("chart") && track) bg = over(parse(getComputedStyle(track).fill), bg);
      const paint = property ? style.getPropertyValue(property) : svg ? style.fill : style.color;
      const fg = over(parse(paint) ?? { r: 0, g: 0, b: 0, a: 1 }, bg);
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      return { name, selector, ratio: Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100, fg: paint, bg: `rgb(${bg.r},${bg.g},${bg.b})` };
    });
  }, selectors);
}
