// ROI (ellipse, rectangle, freehand) and length measurements on the HU of the slice on screen, and the blend-sign
// helper: the last two ROIs of a slice, their HU difference and Li et al.'s 18 HU criterion. Measurements live in
// the tab, per slice; only the helper's result goes to .NET, when the reader attaches it to the slice's read.
const SVG = "http://www.w3.org/2000/svg";
const ROI_KINDS = new Set(["ellipse", "rect", "freehand"]);
const BLEND_SIGN_HU = 18;

export class MeasureTools {
    constructor(view) {
        this.view = view;
        this.tool = "box";
        this.bySlice = new Map();
        this.svg = view.stage.querySelector(".measure-layer");
        this.list = view.viewer.querySelector("[data-testid=measurements]");
        this.gesture = null;
        this.listeners = [
            [view.stage, "pointerdown", e => this.onPointerDown(e), true],
            [view.stage, "pointermove", e => this.onPointerMove(e), true],
            [view.stage, "pointerup", e => this.onPointerUp(e), true],
        ];
        for (const [target, type, handler, options] of this.listeners) {
            target.addEventListener(type, handler, options);
        }
    }

    get measuring() { return ROI_KINDS.has(this.tool) || this.tool === "length"; }

    dispose() {
        for (const [target, type, handler, options] of this.listeners) {
            target.removeEventListener(type, handler, options);
        }
    }

    sliceChanged(slice) {
        this.slice = slice;
        this.svg?.setAttribute("viewBox", `0 0 ${slice.columns} ${slice.rows}`);
        this.render();
    }

    clear() {
        if (this.slice) this.bySlice.delete(this.slice.sop);
        this.render();
    }

    current() {
        return this.slice ? this.bySlice.get(this.slice.sop) ?? [] : [];
    }

    // --- gestures (left button with a measuring tool) --------------------------------------------------------

    onPointerDown(e) {
        if (e.button !== 0 || e.shiftKey || !this.measuring || !this.view.shown) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        const p = this.view.pixelAt(e);
        this.gesture = { kind: this.tool, points: [clampPoint(p, this.slice)] };
        this.view.stage.setPointerCapture(e.pointerId);
        this.view.viewer.focus({ preventScroll: true });
    }

    onPointerMove(e) {
        const g = this.gesture;
        if (!g) return;
        e.stopImmediatePropagation();
        const p = clampPoint(this.view.pixelAt(e), this.slice);
        if (g.kind === "freehand") g.points.push(p);
        else g.points[1] = p;
        this.render(g);
        this.view.showReadout(e);
    }

    onPointerUp(e) {
        const g = this.gesture;
        if (!g) return;
        e.stopImmediatePropagation();
        this.gesture = null;
        if (this.view.stage.hasPointerCapture(e.pointerId)) this.view.stage.releasePointerCapture(e.pointerId);
        const measurement = measure(g, this.slice);
        if (measurement) {
            const list = this.current();
            list.push({ ...measurement, number: list.length + 1 });
            this.bySlice.set(this.slice.sop, list);
        }
        this.render();
    }

    // --- the blend-sign helper ------------------------------------------------------------------------------

    helper() {
        const rois = this.current().filter(m => ROI_KINDS.has(m.kind));
        if (rois.length < 2) return null;
        const [a, b] = rois.slice(-2);
        const difference = Math.abs(a.mean - b.mean);
        return { a, b, difference, met: difference >= BLEND_SIGN_HU };
    }

    attachHelper() {
        const h = this.helper();
        if (h) this.view.dotnet?.invokeMethodAsync("OnBlendSignMeasured", this.slice.sop, round(h.a.mean, 1), round(h.b.mean, 1));
    }

    // --- drawing --------------------------------------------------------------------------------------------

    render(gesture) {
        if (this.svg) {
            const shapes = this.current().map(m => shape(m, false));
            if (gesture) shapes.push(shape(gesture, true));
            this.svg.replaceChildren(...shapes.filter(Boolean));
        }
        if (this.list && !gesture) this.renderList();
    }

    renderList() {
        const rows = this.current().map(m => {
            const row = document.createElement("div");
            row.className = "measure-row";
            if (m.kind === "length") {
                row.dataset.testid = "length";
                row.dataset.length = String(m.length);
                row.textContent = `${m.number} · length ${m.length.toFixed(1)} ${m.unit}`;
            } else {
                row.dataset.testid = "roi-stats";
                Object.assign(row.dataset, { kind: m.kind, mean: String(m.mean), sd: String(m.sd), min: String(m.min), max: String(m.max), area: String(m.area), pixels: String(m.pixels) });
                row.textContent = `${m.number} · ${m.kind}: mean ${m.mean.toFixed(1)} HU, SD ${m.sd.toFixed(1)}, min ${m.min}, max ${m.max}, area ${m.area.toFixed(1)} ${m.unit}²`;
            }
            return row;
        });
        const h = this.helper();
        if (h) {
            const box = document.createElement("div");
            box.className = h.met ? "blend-helper met" : "blend-helper";
            box.dataset.testid = "blend-helper";
            Object.assign(box.dataset, { meanA: String(h.a.mean), meanB: String(h.b.mean), difference: String(h.difference), met: String(h.met) });
            box.textContent = `Blend sign: ROI ${h.a.number} ${h.a.mean.toFixed(1)} HU vs ROI ${h.b.number} ${h.b.mean.toFixed(1)} HU, `
                + `difference ${h.difference.toFixed(1)} HU: ${h.met ? "meets" : "below"} the ${BLEND_SIGN_HU} HU criterion (M attaches it to the read)`;
            rows.push(box);
        }
        this.list.replaceChildren(...rows);
    }
}

function clampPoint(p, slice) {
    return { x: Math.min(slice.columns, Math.max(0, p.x)), y: Math.min(slice.rows, Math.max(0, p.y)) };
}

function round(value, digits) {
    const f = 10 ** digits;
    return Math.round(value * f) / f;
}

/** Statistics over the pixels whose centers lie inside the shape; area from PixelSpacing (row × column mm). */
function measure(g, slice) {
    const [p, q] = [g.points[0], g.points[g.points.length - 1]];
    const mm = slice.rowSpacing !== null && slice.columnSpacing !== null;
    if (g.kind === "length") {
        if (g.points.length < 2) return null;
        const dx = (q.x - p.x) * (mm ? slice.columnSpacing : 1);
        const dy = (q.y - p.y) * (mm ? slice.rowSpacing : 1);
        return { kind: "length", points: [p, q], length: Math.hypot(dx, dy), unit: mm ? "mm" : "px" };
    }
    const inside = insideTest(g);
    if (!inside) return null;
    const xs = g.points.map(t => t.x), ys = g.points.map(t => t.y);
    const values = [];
    for (let row = Math.max(0, Math.floor(Math.min(...ys))); row < Math.min(slice.rows, Math.ceil(Math.max(...ys))); row++) {
        for (let column = Math.max(0, Math.floor(Math.min(...xs))); column < Math.min(slice.columns, Math.ceil(Math.max(...xs))); column++) {
            if (inside(column + 0.5, row + 0.5)) {
                values.push(slice.stored[row * slice.columns + column] * slice.slope + slice.intercept);
            }
        }
    }
    if (values.length === 0) return null;
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length); // population SD, as numpy.std
    const pixelArea = mm ? slice.rowSpacing * slice.columnSpacing : 1;
    return {
        kind: g.kind, points: g.points.slice(), pixels: values.length, mean, sd,
        min: Math.min(...values), max: Math.max(...values), area: values.length * pixelArea, unit: mm ? "mm" : "px",
    };
}

function insideTest(g) {
    const pts = g.points;
    if (g.kind === "freehand") {
        if (pts.length < 3) return null;
        return (x, y) => {
            let inside = false;
            for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
                if ((pts[i].y > y) !== (pts[j].y > y) && x < (pts[j].x - pts[i].x) * (y - pts[i].y) / (pts[j].y - pts[i].y) + pts[i].x) {
                    inside = !inside;
                }
            }
            return inside;
        };
    }
    if (pts.length < 2) return null;
    const [a, b] = pts;
    const left = Math.min(a.x, b.x), right = Math.max(a.x, b.x), top = Math.min(a.y, b.y), bottom = Math.max(a.y, b.y);
    if (right - left < 1 || bottom - top < 1) return null;
    if (g.kind === "rect") return (x, y) => x >= left && x <= right && y >= top && y <= bottom;
    const cx = (left + right) / 2, cy = (top + bottom) / 2, rx = (right - left) / 2, ry = (bottom - top) / 2;
    return (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
}

function shape(m, preview) {
    const pts = m.points;
    if (pts.length < 2) return null;
    const [a, b] = [pts[0], pts[pts.length - 1]];
    let element;
    if (m.kind === "length") {
        element = svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y });
    } else if (m.kind === "freehand") {
        element = svg("polygon", { points: pts.map(p => `${p.x},${p.y}`).join(" ") });
    } else if (m.kind === "rect") {
        element = svg("rect", { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) });
    } else {
        element = svg("ellipse", { cx: (a.x + b.x) / 2, cy: (a.y + b.y) / 2, rx: Math.abs(b.x - a.x) / 2, ry: Math.abs(b.y - a.y) / 2 });
    }
    const group = svg("g", { class: preview ? "measure preview" : "measure" });
    group.append(element);
    if (!preview && m.number) {
        const label = svg("text", { x: Math.max(a.x, b.x) + 2, y: Math.min(a.y, b.y) });
        label.textContent = String(m.number);
        group.append(label);
    }
    return group;
}

function svg(name, attributes) {
    const element = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    return element;
}
