// Pointer handling for the slice viewer: draw, select, move and resize boxes, drag their centers, zoom and pan. The
// image is fitted to the stage (zoom 1 = fit), centred while it is smaller than the stage.
// The state and the saving stay in .NET: this module only turns gestures into boxes in ORIGINAL slice pixels
// (whatever the zoom, the pan and the 512-pixel display) and reports them through a DotNetObjectReference.
// While a gesture lasts it draws its own preview into an element Blazor renders empty, and never edits
// Blazor's boxes, so a refused change simply leaves the saved boxes as they were.

const MIN_ZOOM = 0.25;
const MAX_ZOOM = 16;
const MIN_BOX = 2;
const SVG = "http://www.w3.org/2000/svg";
const NAVIGATION_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "PageUp", "PageDown", "Home", "End",
    " ", "+", "=", "-", "Backspace", "Delete"]);

export function attach(stage, dotnet) {
    return new BoxEditor(stage, stage.closest("[tabindex]"), dotnet);
}

class BoxEditor {
    constructor(stage, viewer, dotnet) {
        this.stage = stage;
        this.viewer = viewer;
        this.dotnet = dotnet;
        this.zoom = 1;
        this.panX = 0;
        this.panY = 0;
        this.tool = "box";
        this.gesture = null;
        this.listeners = [
            [stage, "pointerdown", e => this.onPointerDown(e)],
            [stage, "pointermove", e => this.onPointerMove(e)],
            [stage, "pointerup", e => this.onPointerUp(e)],
            [stage, "pointercancel", () => this.cancel()],
            [stage, "wheel", e => this.onWheel(e), { passive: false }],
            [stage, "auxclick", e => e.preventDefault()],
            [stage, "dragstart", e => e.preventDefault()],
            [viewer, "keydown", e => this.onKeyDown(e)],
        ];
        for (const [target, type, handler, options] of this.listeners) {
            target.addEventListener(type, handler, options);
        }
        this.resizeObserver = new ResizeObserver(() => this.apply(true));
        this.resizeObserver.observe(stage);
        this.resetView();
    }

    get canvas() { return this.stage.querySelector(".viewer-canvas"); }

    // --- called from .NET ---------------------------------------------------------------------------------

    zoomBy(factor) {
        const r = this.stage.getBoundingClientRect();
        this.zoomAt(factor, r.left + r.width / 2, r.top + r.height / 2);
    }

    resetView() {
        this.zoom = 1;
        this.panX = null;
        this.panY = null;
        this.apply(true);
    }

    /** One slice pixel per device pixel, about the stage's centre. */
    pixelTrue() {
        const columns = Number(this.canvas.dataset.columns);
        this.zoomBy(columns / (this.baseWidth * window.devicePixelRatio) / this.zoom);
    }

    setTool(tool) {
        this.tool = tool;
        this.stage.dataset.tool = tool;
    }

    dispose() {
        this.resizeObserver.disconnect();
        for (const [target, type, handler, options] of this.listeners) {
            target.removeEventListener(type, handler, options);
        }
        this.dotnet = null;
    }

    // --- view ----------------------------------------------------------------------------------------------

    zoomAt(factor, clientX, clientY) {
        const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.zoom * factor));
        const r = this.stage.getBoundingClientRect();
        const sx = clientX - r.left;
        const sy = clientY - r.top;
        // Keep the point under the cursor where it is.
        this.panX = sx - (sx - this.panX) * next / this.zoom;
        this.panY = sy - (sy - this.panY) * next / this.zoom;
        const changed = next !== this.zoom;
        this.zoom = next;
        this.apply(changed);
    }

    apply(report) {
        const canvas = this.canvas;
        const w = this.stage.clientWidth;
        const h = this.stage.clientHeight;
        const columns = Number(canvas.dataset.columns), rows = Number(canvas.dataset.rows);
        const fit = Math.min(w / columns, h / rows);
        this.baseWidth = columns * fit;
        this.baseHeight = rows * fit;
        canvas.style.width = `${this.baseWidth}px`;
        canvas.style.height = `${this.baseHeight}px`;
        this.panX = place(this.panX, w, this.baseWidth * this.zoom);
        this.panY = place(this.panY, h, this.baseHeight * this.zoom);
        canvas.style.transform = `translate(${this.panX}px, ${this.panY}px) scale(${this.zoom})`;
        this.stage.dispatchEvent(new CustomEvent("viewchange", { detail: { zoom: this.zoom, width: this.baseWidth * this.zoom } }));
        if (report && this.dotnet) {
            this.dotnet.invokeMethodAsync("OnViewChanged", this.zoom, this.baseWidth);
        }
    }

    onWheel(e) {
        if (e.ctrlKey) {
            // Zoom, not the page's zoom and not a slice change (.NET's wheel handler never sees it).
            e.preventDefault();
            e.stopPropagation();
            this.zoomAt(e.deltaY < 0 ? 1.25 : 0.8, e.clientX, e.clientY);
        } else {
            e.preventDefault(); // the wheel moves through slices (in .NET), never the page
        }
    }

    onKeyDown(e) {
        const inField = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
        if (!inField && (NAVIGATION_KEYS.has(e.key) || (e.ctrlKey && (e.key === "z" || e.key === "Z")))) {
            e.preventDefault(); // no page scrolling or browser undo; .NET handles the key
        }
    }

    // --- pointer gestures ------------------------------------------------------------------------------------

    toImage(e) {
        const canvas = this.canvas;
        const r = canvas.getBoundingClientRect();
        const columns = Number(canvas.dataset.columns);
        const rows = Number(canvas.dataset.rows);
        const x = (e.clientX - r.left) / r.width * columns;
        const y = (e.clientY - r.top) / r.height * rows;
        return { x: clamp(x, 0, columns), y: clamp(y, 0, rows), columns, rows };
    }

    onPointerDown(e) {
        if (this.gesture) {
            return;
        }
        const pan = e.button === 1 || (e.button === 0 && (e.shiftKey || this.tool === "pan"));
        if (!pan && this.tool !== "box") {
            return; // the measuring and window tools (slice-view.js, measure-tools.js) own the left button
        }
        if (pan) {
            this.gesture = { kind: "pan", x: e.clientX, y: e.clientY, panX: this.panX, panY: this.panY };
        } else if (e.button === 0 && this.canvas.dataset.editable === "true") {
            this.gesture = this.startEdit(e);
        }
        if (this.gesture) {
            e.preventDefault();
            this.stage.setPointerCapture(e.pointerId);
            this.viewer.focus({ preventScroll: true });
        }
    }

    startEdit(e) {
        const start = this.toImage(e);
        const target = e.target.closest("[data-role]");
        const group = e.target.closest("[data-box-id]");
        if (!target || !group) {
            return { kind: "draw", start, box: null, current: null };
        }
        const box = readBox(group);
        const kind = target.dataset.role === "center" ? "center" : target.dataset.role === "handle" ? "resize" : "move";
        if (kind === "move") {
            this.dotnet?.invokeMethodAsync("OnBoxSelected", box.id);
        }
        return { kind, start, box, handle: target.dataset.handle, group, current: null };
    }

    onPointerMove(e) {
        const g = this.gesture;
        if (!g) {
            return;
        }
        if (g.kind === "pan") {
            this.panX = g.panX + e.clientX - g.x;
            this.panY = g.panY + e.clientY - g.y;
            this.apply(false);
            return;
        }
        const p = this.toImage(e);
        g.current = this.geometry(g, p);
        if (g.group) {
            g.group.style.visibility = "hidden";
        }
        this.preview(g.current, p);
    }

    geometry(g, p) {
        if (g.kind === "draw") {
            const left = Math.min(g.start.x, p.x), right = Math.max(g.start.x, p.x);
            const top = Math.min(g.start.y, p.y), bottom = Math.max(g.start.y, p.y);
            return { left, top, right, bottom, centerX: (left + right) / 2, centerY: (top + bottom) / 2 };
        }
        const b = g.box;
        if (g.kind === "move") {
            const dx = clamp(p.x - g.start.x, -b.left, p.columns - b.right);
            const dy = clamp(p.y - g.start.y, -b.top, p.rows - b.bottom);
            return { left: b.left + dx, top: b.top + dy, right: b.right + dx, bottom: b.bottom + dy, centerX: b.centerX + dx, centerY: b.centerY + dy };
        }
        if (g.kind === "center") {
            return { ...b, centerX: clamp(p.x, b.left, b.right), centerY: clamp(p.y, b.top, b.bottom) };
        }
        // Resize by a corner handle: that corner follows the pointer, the opposite one stays.
        const fixedX = g.handle.includes("w") ? b.right : b.left;
        const fixedY = g.handle.includes("n") ? b.bottom : b.top;
        const left = Math.min(fixedX, p.x), right = Math.max(fixedX, p.x);
        const top = Math.min(fixedY, p.y), bottom = Math.max(fixedY, p.y);
        return { left, top, right, bottom, centerX: clamp(b.centerX, left, right), centerY: clamp(b.centerY, top, bottom) };
    }

    async onPointerUp(e) {
        const g = this.gesture;
        if (!g) {
            return;
        }
        this.gesture = null;
        if (this.stage.hasPointerCapture(e.pointerId)) {
            this.stage.releasePointerCapture(e.pointerId);
        }
        if (g.kind === "pan" || !this.dotnet) {
            return;
        }
        try {
            const b = g.current ? rounded(g.current) : null;
            if (g.kind === "draw") {
                if (b && b.right - b.left >= MIN_BOX && b.bottom - b.top >= MIN_BOX) {
                    await this.dotnet.invokeMethodAsync("OnBoxDrawn", b.left, b.top, b.right, b.bottom);
                } else {
                    await this.dotnet.invokeMethodAsync("OnBoxSelected", null);
                }
            } else if (b && !sameBox(b, g.box)) {
                await this.dotnet.invokeMethodAsync("OnBoxChanged", g.box.id, b.left, b.top, b.right, b.bottom, b.centerX, b.centerY);
            } else if (g.kind !== "move") {
                await this.dotnet.invokeMethodAsync("OnBoxSelected", g.box.id);
            }
        } finally {
            // .NET has saved (or refused) and re-rendered its boxes: drop the preview only now, so nothing flickers.
            this.clearPreview(g);
        }
    }

    cancel() {
        if (this.gesture) {
            this.clearPreview(this.gesture);
            this.gesture = null;
        }
    }

    preview(b, p) {
        const host = this.stage.querySelector(".box-preview-host");
        let svg = host.firstElementChild;
        if (!svg) {
            svg = document.createElementNS(SVG, "svg");
            svg.setAttribute("preserveAspectRatio", "none");
            svg.append(document.createElementNS(SVG, "rect"), document.createElementNS(SVG, "circle"));
            host.append(svg);
        }
        svg.setAttribute("viewBox", `0 0 ${p.columns} ${p.rows}`);
        const [rect, circle] = svg.children;
        rect.setAttribute("x", b.left);
        rect.setAttribute("y", b.top);
        rect.setAttribute("width", Math.max(0, b.right - b.left));
        rect.setAttribute("height", Math.max(0, b.bottom - b.top));
        circle.setAttribute("cx", b.centerX);
        circle.setAttribute("cy", b.centerY);
        circle.setAttribute("r", 6 * p.columns / this.baseWidth / this.zoom);
    }

    clearPreview(g) {
        this.stage.querySelector(".box-preview-host")?.replaceChildren();
        if (g.group) {
            g.group.style.visibility = "";
        }
    }
}

function readBox(group) {
    const d = group.dataset;
    return {
        id: Number(d.boxId), left: Number(d.left), top: Number(d.top), right: Number(d.right), bottom: Number(d.bottom),
        centerX: Number(d.centerX), centerY: Number(d.centerY),
    };
}

// Centred while the image is smaller than the stage along an axis; otherwise no gap at either edge. Null: centre.
function place(pan, stage, size) {
    if (size <= stage || pan === null) {
        return size <= stage ? (stage - size) / 2 : clamp((stage - size) / 2, stage - size, 0);
    }
    return clamp(pan, stage - size, 0);
}

function clamp(value, min, max) {
    return Math.min(max, Math.max(min, value));
}

// Tenths of a pixel: finer than anyone can point, and stable through JSON and the database.
function rounded(b) {
    const r = v => Math.round(v * 10) / 10;
    return { left: r(b.left), top: r(b.top), right: r(b.right), bottom: r(b.bottom), centerX: r(b.centerX), centerY: r(b.centerY) };
}

function sameBox(a, b) {
    return a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom
        && a.centerX === b.centerX && a.centerY === b.centerY;
}
