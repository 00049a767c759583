/// A small SVG builder: shapes and text in a fixed view box, every text escaped, written inline into the reports'
/// HTML (no external request). A chart is accessible by its `<title>` (the whole picture in words) and by its text
/// labels: a value is never told by colour alone.
public struct SVG: Sendable {
    public let width: Int
    public let height: Int
    /// What the chart shows, in words: the image's accessible name.
    public var title: String
    private var body = ""

    public init(width: Int, height: Int, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// A rectangle; `cssClass` picks its colour and pattern in the report's stylesheet.
    public mutating func rect(x: Double, y: Double, width: Double, height: Double, cssClass: String,
                              tooltip: String? = nil) {
        body += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(max(width, 0)))\" height=\"\(f(max(height, 0)))\" class=\"\(Self.escape(cssClass))\""
        if let tooltip { body += "><title>\(Self.escape(tooltip))</title></rect>" } else { body += "/>" }
    }

    /// A straight line.
    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, cssClass: String) {
        body += "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" class=\"\(Self.escape(cssClass))\"/>"
    }

    public enum Anchor: String, Sendable { case start, middle, end }

    /// A text label at (x, y) (its baseline).
    public mutating func text(_ text: String, x: Double, y: Double, anchor: Anchor = .start, cssClass: String = "label") {
        body += "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor.rawValue)\" class=\"\(Self.escape(cssClass))\">"
            + Self.escape(text) + "</text>"
    }

    /// The `<svg>` element.
    public var markup: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(Self.escape(title))\"><title>\(Self.escape(title))</title>\(body)</svg>"
    }

    /// `&`, `<`, `>`, `"` and `'` as entities: text and attribute values alike.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate with at most one decimal.
    private func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
