/// A horizontal stacked bar chart as inline SVG: one bar a row, one coloured segment a series, the
/// row's total at the bar's end, a legend on top and a scale below. Drawn by hand so that the page
/// needs no script and no network, and prints as vectors.
struct SVGBarChart {
    struct Series {
        var name: String
        var color: String
    }

    struct Bar {
        var label: String
        /// One value a series, in the order of `series`.
        var values: [Double]
    }

    var title: String
    var series: [Series]
    var bars: [Bar]
    /// How a total is written at the bar's end (`6`, `1,245.5`).
    var format: (Double) -> String = { HTMLText.number($0) }
    /// Shown instead of bars when there are none.
    var emptyText: String

    private let width = 440.0
    private let labelWidth = 92.0
    private let barHeight = 18.0
    private let rowGap = 8.0
    private let legendHeight = 24.0
    private let axisHeight = 22.0
    private let totalWidth = 56.0

    var svg: String {
        let plotWidth = width - labelWidth - totalWidth
        let height = legendHeight + Double(max(bars.count, 1)) * (barHeight + rowGap) + axisHeight
        var out = """
            <svg role="img" viewBox="0 0 \(HTMLText.number(width)) \(HTMLText.number(height))" \
            width="\(HTMLText.number(width))" height="\(HTMLText.number(height))" font-size="11">
            <title>\(HTMLText.escape(title))</title>

            """
        var x = labelWidth
        for item in series {
            out += "<rect x=\"\(HTMLText.number(x))\" y=\"6\" width=\"10\" height=\"10\" fill=\"\(item.color)\"/>"
            out += "<text x=\"\(HTMLText.number(x + 14))\" y=\"15\">\(HTMLText.escape(item.name))</text>\n"
            x += 22 + Double(DisplayWidth().of(item.name)) * 6
        }
        let totals = bars.map { $0.values.reduce(0, +) }
        guard let largest = totals.max(), largest > 0 else {
            out += "<text x=\"\(HTMLText.number(width / 2))\" y=\"\(HTMLText.number(legendHeight + 18))\" text-anchor=\"middle\" fill=\"#666\">\(HTMLText.escape(emptyText))</text>\n"
            return out + "</svg>"
        }
        let (top, step) = Self.scale(largest)
        let unit = plotWidth / top
        let plotBottom = legendHeight + Double(bars.count) * (barHeight + rowGap)
        var tick = 0.0
        while tick <= top + step / 2 {
            let tx = labelWidth + tick * unit
            out += "<line x1=\"\(HTMLText.number(tx))\" y1=\"\(HTMLText.number(legendHeight - 2))\" x2=\"\(HTMLText.number(tx))\" y2=\"\(HTMLText.number(plotBottom))\" stroke=\"#ddd\"/>"
            out += "<text x=\"\(HTMLText.number(tx))\" y=\"\(HTMLText.number(plotBottom + 14))\" text-anchor=\"middle\" fill=\"#555\">\(format(tick))</text>\n"
            tick += step
        }
        for (row, bar) in bars.enumerated() {
            let y = legendHeight + Double(row) * (barHeight + rowGap) + rowGap / 2
            out += "<text x=\"\(HTMLText.number(labelWidth - 6))\" y=\"\(HTMLText.number(y + barHeight - 5))\" text-anchor=\"end\">\(HTMLText.escape(bar.label))</text>"
            var start = labelWidth
            for (index, value) in bar.values.enumerated() where value > 0 && series.indices.contains(index) {
                let w = value * unit
                out += "<rect x=\"\(HTMLText.number(start))\" y=\"\(HTMLText.number(y))\" width=\"\(HTMLText.number(w))\" height=\"\(HTMLText.number(barHeight))\" fill=\"\(series[index].color)\">"
                out += "<title>\(HTMLText.escape(bar.label))：\(HTMLText.escape(series[index].name)) \(format(value))</title></rect>"
                start += w
            }
            out += "<text x=\"\(HTMLText.number(start + 4))\" y=\"\(HTMLText.number(y + barHeight - 5))\" font-weight=\"bold\">\(format(totals[row]))</text>\n"
        }
        out += "<line x1=\"\(HTMLText.number(labelWidth))\" y1=\"\(HTMLText.number(legendHeight - 2))\" x2=\"\(HTMLText.number(labelWidth))\" y2=\"\(HTMLText.number(plotBottom))\" stroke=\"#333\"/>\n"
        return out + "</svg>"
    }

    /// The end of the scale and its step: steps of 1, 2 or 5 times a power of ten, about five of them,
    /// never below 1 (counts are whole).
    static func scale(_ largest: Double) -> (top: Double, step: Double) {
        var magnitude = 1.0
        while largest / magnitude > 10 { magnitude *= 10 }
        let step = [1.0, 2.0, 5.0, 10.0].map { $0 * magnitude }.first { largest / $0 <= 5 } ?? magnitude * 10
        return ((largest / step).rounded(.up) * step, step)
    }
}
