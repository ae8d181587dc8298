// Draws the viewer's slices in the browser from their stored HU (GET api/slices/{sop}/hu, gzip on the wire, cached by
// ETag): a change of window is one lookup-table pass here, never a round trip. .NET stays the owner of the current
// slice (the viewer renders it as data-slice-index); arrow keys and the wheel paint a cached neighbour at once and
// .NET's index follows. Pointer tools for measuring live in measure-tools.js, boxes, zoom and pan in box-editor.js.
import { MeasureTools } from "./measure-tools.js";

const CACHE_SLICES = 48; // 512 KiB each at 512×512: about 24 MiB of HU per tab
const PREFETCH_AHEAD = 4;
const PREFETCH_BEHIND = 2;
const MAX_FETCHES = 4;
const STORED_VALUES = 65536;

// The server's presets (WindowPresets.cs): one window is gray, three are the study's R, G, B.
export const PRESETS = {
    rgb3: [{ level: 40, width: 40 }, { level: 50, width: 100 }, { level: 60, width: 40 }],
    brain: [{ level: 40, width: 80 }],
    subdural: [{ level: 75, width: 215 }],
    bone: [{ level: 600, width: 2800 }],
};

// The keys come from the focusable element around the stage (the page's viewer or case), which also holds the
// measurement list.
export function attach(stage, dotnet, slices, preset) {
    return new SliceView(stage, stage.closest("[tabindex]"), dotnet, slices, preset);
}

/** Window.ToByte of the server: floor((HU − lower) × 255 / width + 0.5), 0 at or below lower, 255 at or above upper. */
export function toByte(hu, level, width) {
    const lower = level - width / 2;
    const upper = level + width / 2;
    if (hu <= lower) return 0;
    if (hu >= upper) return 255;
    return Math.min(255, Math.max(0, Math.floor((hu - lower) * 255 / width + 0.5)));
}

class SliceView {
    constructor(stage, viewer, dotnet, slices, preset) {
        this.stage = stage;
        this.viewer = viewer;
        this.dotnet = dotnet;
        this.slices = slices;
        this.host = stage.querySelector(".viewer-canvas");
        this.canvas = stage.querySelector("canvas.slice-canvas");
        this.context = this.canvas.getContext("2d");
        this.overlay = stage.querySelector(".viewer-overlay");
        this.cache = new Map();
        this.loading = new Map();
        this.shown = null;
        this.confirmed = Number(this.host.dataset.sliceIndex);
        this.predicted = null;
        this.zoom = 1;
        this.cineTimer = null;
        this.paintTimes = [];
        this.setPreset(preset);
        this.tools = new MeasureTools(this);
        this.listeners = [
            [viewer, "keydown", e => this.onKeyDown(e), true],
            [stage, "wheel", e => this.onWheel(e), { passive: true }],
            [stage, "pointerdown", e => this.onPointerDown(e), true],
            [stage, "pointermove", e => this.onPointerMove(e), true],
            [stage, "pointerup", e => this.onPointerUp(e), true],
            [stage, "pointerleave", () => this.showReadout(null)],
            [stage, "contextmenu", e => e.preventDefault()],
            [stage, "viewchange", e => { this.zoom = e.detail.zoom; this.updateOverlay(); }],
        ];
        for (const [target, type, handler, options] of this.listeners) {
            target.addEventListener(type, handler, options);
        }
        this.observer = new MutationObserver(() => this.onDotnetIndex(Number(this.host.dataset.sliceIndex)));
        this.observer.observe(this.host, { attributes: true, attributeFilter: ["data-slice-index"] });
        stage.sliceView = this; // for the browser tests and the benchmark
        this.show(this.confirmed);
    }

    // --- called from .NET ---------------------------------------------------------------------------------

    setPreset(name) {
        this.preset = name;
        this.windows = PRESETS[name].map(w => ({ ...w }));
        this.windowChanged();
    }

    setWindow(level, width) {
        if (!(width >= 1) || !Number.isFinite(level)) return;
        this.preset = null;
        this.windows = [{ level, width }];
        this.windowChanged();
    }

    setInterpolation(smooth) {
        this.stage.dataset.interpolation = smooth ? "smooth" : "nearest";
    }

    setTool(tool) {
        this.tools.tool = tool;
    }

    toggleCine(framesPerSecond) {
        if (this.cineTimer) {
            clearInterval(this.cineTimer);
            this.cineTimer = null;
        } else {
            this.cineTimer = setInterval(() => this.dotnet?.invokeMethodAsync("OnCineStep"), 1000 / framesPerSecond);
        }
        this.stage.dataset.cine = this.cineTimer ? "on" : "off";
        return this.cineTimer !== null;
    }

    clearMeasurements() {
        this.tools.clear();
    }

    attachHelper() {
        this.tools.attachHelper();
    }

    /** Back to the page's keys, e.g. after typing a window. */
    focus() {
        this.viewer?.focus({ preventScroll: true });
    }

    dispose() {
        if (this.cineTimer) clearInterval(this.cineTimer);
        this.observer.disconnect();
        for (const [target, type, handler, options] of this.listeners) {
            target.removeEventListener(type, handler, options);
        }
        this.tools.dispose();
        this.dotnet = null;
    }

    // --- slices ----------------------------------------------------------------------------------------------

    onDotnetIndex(index) {
        const from = this.confirmed;
        this.confirmed = index;
        const target = this.predicted;
        // An older step of keys pressed quickly: the picture is already further along, so do not step back to it.
        if (target !== null && index !== target && Math.sign(target - index) === Math.sign(target - from)) return;
        this.predicted = null;
        if (this.shown?.index === index) {
            this.wanted = index; // painted already, by the key's prediction
            return;
        }
        this.show(index);
    }

    async show(index) {
        const entry = this.slices[index];
        if (!entry) return;
        this.wanted = index;
        const slice = this.cache.get(entry.sop) ?? await this.load(entry);
        if (slice && this.wanted === index) {
            this.paint(slice, index);
        }
        this.prefetch(index);
    }

    load(entry) {
        let pending = this.loading.get(entry.sop);
        if (!pending) {
            pending = this.fetchSlice(entry).finally(() => this.loading.delete(entry.sop));
            this.loading.set(entry.sop, pending);
        }
        return pending;
    }

    async fetchSlice(entry) {
        const response = await fetch(`api/slices/${encodeURIComponent(entry.sop)}/hu`, { credentials: "same-origin" });
        if (!response.ok) return null;
        const header = name => response.headers.get(`X-Hu-${name}`);
        const spacing = (header("Pixel-Spacing") ?? "").split("\\").map(Number);
        const slice = {
            sop: entry.sop,
            rows: Number(header("Rows")),
            columns: Number(header("Columns")),
            slope: Number(header("Slope")),
            intercept: Number(header("Intercept")),
            rowSpacing: spacing.length === 2 ? spacing[0] : null,
            columnSpacing: spacing.length === 2 ? spacing[1] : null,
            position: header("Position") === null ? null : Number(header("Position")),
            spacing: header("Spacing") === null ? null : Number(header("Spacing")),
            stored: new Int16Array(await response.arrayBuffer()),
        };
        this.remember(slice);
        return slice;
    }

    remember(slice) {
        this.cache.delete(slice.sop);
        this.cache.set(slice.sop, slice);
        while (this.cache.size > CACHE_SLICES) {
            // Map keeps insertion order: the first key is the least recently shown.
            this.cache.delete(this.cache.keys().next().value);
        }
    }

    prefetch(index) {
        const order = [];
        for (let step = 1; step <= PREFETCH_AHEAD; step++) {
            order.push(index + step);
            if (step <= PREFETCH_BEHIND) order.push(index - step);
        }
        for (const i of order) {
            const entry = this.slices[i];
            if (entry && !this.cache.has(entry.sop) && !this.loading.has(entry.sop) && this.loading.size < MAX_FETCHES) {
                this.load(entry);
            }
        }
    }

    // Instant neighbours: .NET moves by the same rule (one step, clamped), and its index confirms the picture. A label
    // key on an editable slice advances too: .NET moves on before the save, whatever the save's answer.
    onKeyDown(e) {
        if (e.ctrlKey || e.metaKey || e.altKey || e.target instanceof HTMLInputElement) return;
        const label = (e.key === "1" || e.key === "2" || e.key === "3") && this.host.dataset.editable === "true";
        const step = label ? 1 : { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 }[e.key];
        if (step) this.predict(step);
    }

    onWheel(e) {
        if (!e.ctrlKey && e.deltaY !== 0) this.predict(Math.sign(e.deltaY));
    }

    predict(step) {
        const from = this.predicted ?? this.confirmed;
        const index = Math.min(this.slices.length - 1, Math.max(0, from + step));
        const slice = this.cache.get(this.slices[index].sop);
        if (index === from || !slice) return;
        this.predicted = index;
        this.wanted = index;
        this.paint(slice, index);
        this.prefetch(index);
    }

    // --- drawing ---------------------------------------------------------------------------------------------

    windowChanged() {
        this.lut = null;
        this.stage.dataset.window = this.windowText();
        if (this.shown) this.schedulePaint();
    }

    schedulePaint() {
        if (this.frame) return;
        this.frame = requestAnimationFrame(() => {
            this.frame = null;
            this.paint(this.shown.slice, this.shown.index);
        });
    }

    lutFor(slice) {
        const key = `${slice.slope}|${slice.intercept}`;
        if (this.lut?.key === key) return this.lut.table;
        const table = new Uint32Array(STORED_VALUES);
        const [r, g, b] = this.windows.length === 3 ? this.windows : [this.windows[0], this.windows[0], this.windows[0]];
        for (let bits = 0; bits < STORED_VALUES; bits++) {
            const hu = ((bits << 16) >> 16) * slice.slope + slice.intercept; // the int16 whose bits these are
            const red = toByte(hu, r.level, r.width);
            const green = g === r ? red : toByte(hu, g.level, g.width);
            const blue = b === r ? red : toByte(hu, b.level, b.width);
            table[bits] = (0xff000000 | blue << 16 | green << 8 | red) >>> 0; // RGBA bytes, little-endian
        }
        this.lut = { key, table };
        return table;
    }

    paint(slice, index) {
        const started = performance.now();
        if (this.canvas.width !== slice.columns || this.canvas.height !== slice.rows || !this.image) {
            this.canvas.width = slice.columns;
            this.canvas.height = slice.rows;
            this.image = this.context.createImageData(slice.columns, slice.rows);
            this.pixels = new Uint32Array(this.image.data.buffer);
        }
        const lut = this.lutFor(slice);
        const stored = slice.stored;
        const pixels = this.pixels;
        for (let i = 0; i < stored.length; i++) {
            pixels[i] = lut[stored[i] & 0xffff];
        }
        this.context.putImageData(this.image, 0, 0);
        const changed = this.shown?.slice !== slice;
        this.shown = { slice, index };
        this.remember(slice);
        this.host.dataset.shownSop = slice.sop;
        this.host.dataset.shownIndex = String(index);
        this.paintTimes.push(started);
        if (this.paintTimes.length > 600) this.paintTimes.splice(0, 300);
        this.updateOverlay();
        if (changed) this.tools.sliceChanged(slice);
        this.stage.dispatchEvent(new CustomEvent("slicepainted", { detail: { index, sop: slice.sop, ms: performance.now() - started } }));
    }

    windowText() {
        const w = this.windows;
        return w.length === 3 ? "RGB " + w.map(c => `${c.level}/${c.width}`).join(" ") : `W ${w[0].width} L ${w[0].level}`;
    }

    updateOverlay() {
        if (!this.shown || !this.overlay) return;
        const { slice, index } = this.shown;
        const z = slice.position === null ? "z —" : `z ${slice.position.toFixed(2)} mm`;
        const gap = slice.spacing === null ? "" : ` · ${slice.spacing.toFixed(3).replace(/\.?0+$/, "")} mm apart`;
        this.setText("overlay-slice", `Slice ${index + 1}/${this.slices.length}`);
        this.setText("overlay-z", z + gap);
        this.setText("overlay-window", this.windowText());
        this.setText("overlay-zoom", `Zoom ${Math.round(this.zoom * 100)}% · ${slice.columns}×${slice.rows}`);
    }

    setText(testId, text) {
        const element = this.overlay.querySelector(`[data-testid=${testId}]`);
        if (element && element.textContent !== text) element.textContent = text;
    }

    // --- pointer: window/level drag and the HU readout ---------------------------------------------------------

    /** The pixel under a pointer event, or null off the image. */
    pixelAt(e) {
        if (!this.shown) return null;
        const { slice } = this.shown;
        const r = this.canvas.getBoundingClientRect();
        const x = (e.clientX - r.left) / r.width * slice.columns;
        const y = (e.clientY - r.top) / r.height * slice.rows;
        return { x, y, column: Math.floor(x), row: Math.floor(y), inside: x >= 0 && y >= 0 && x < slice.columns && y < slice.rows };
    }

    huAt(slice, column, row) {
        return slice.stored[row * slice.columns + column] * slice.slope + slice.intercept;
    }

    onPointerDown(e) {
        const windowDrag = e.button === 2 || (e.button === 0 && this.tools.tool === "wl" && !e.shiftKey);
        if (!windowDrag || !this.shown) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        const start = this.windows.length === 3 ? this.windows[1] : this.windows[0];
        this.drag = { x: e.clientX, y: e.clientY, level: start.level, width: start.width, id: e.pointerId };
        this.stage.setPointerCapture(e.pointerId);
        this.viewer.focus({ preventScroll: true });
    }

    onPointerMove(e) {
        if (this.drag) {
            e.stopImmediatePropagation();
            // About the window's own scale per 200 pixels, whatever the window: fine for brain, fast enough for bone.
            const rate = Math.max(1, this.drag.width) / 200;
            const width = Math.max(1, Math.round(this.drag.width + (e.clientX - this.drag.x) * rate));
            const level = Math.round(this.drag.level + (e.clientY - this.drag.y) * rate);
            this.preset = null;
            this.windows = [{ level, width }];
            this.lut = null;
            this.stage.dataset.window = this.windowText();
            this.schedulePaint();
        }
        this.showReadout(e);
    }

    onPointerUp(e) {
        if (!this.drag) return;
        e.stopImmediatePropagation();
        this.drag = null;
        if (this.stage.hasPointerCapture(e.pointerId)) this.stage.releasePointerCapture(e.pointerId);
        const w = this.windows[0];
        this.dotnet?.invokeMethodAsync("OnWindowDragged", w.level, w.width);
    }

    showReadout(e) {
        const readout = this.overlay?.querySelector("[data-testid=hu-readout]");
        if (!readout) return;
        const p = e && this.pixelAt(e);
        if (!p || !p.inside) {
            readout.textContent = "";
            delete readout.dataset.hu;
            return;
        }
        const { slice } = this.shown;
        const hu = this.huAt(slice, p.column, p.row);
        readout.dataset.hu = String(hu);
        readout.dataset.column = String(p.column);
        readout.dataset.row = String(p.row);
        const mm = slice.columnSpacing === null ? ""
            : ` · (${(p.column * slice.columnSpacing).toFixed(1)}, ${(p.row * slice.rowSpacing).toFixed(1)}) mm`;
        readout.textContent = `(${p.column}, ${p.row}) px${mm} · ${hu} HU`;
    }
}
