// Uploads for the /import page: files, folders (picked or dropped) and .zip archives go to the server in one
// multipart request, each under its path relative to what was picked; the request's progress events drive the
// page's bar. The import itself, its verdicts and its progress stay on the server.

const PROGRESS_INTERVAL_MS = 200;

export function attach(zone, filesInput, folderInput, dotnet) {
    return new Uploader(zone, filesInput, folderInput, dotnet);
}

class Uploader {
    constructor(zone, filesInput, folderInput, dotnet) {
        this.zone = zone;
        this.dotnet = dotnet;
        this.request = null;
        this.listeners = [
            [zone, "dragover", e => { e.preventDefault(); zone.classList.add("import-drop--over"); }],
            [zone, "dragleave", () => zone.classList.remove("import-drop--over")],
            [zone, "drop", e => this.onDrop(e)],
            [filesInput, "change", () => this.onPicked(filesInput, f => f.name)],
            [folderInput, "change", () => this.onPicked(folderInput, f => f.webkitRelativePath || f.name)],
        ];
        for (const [target, type, handler] of this.listeners) {
            target.addEventListener(type, handler);
        }
    }

    onPicked(input, nameOf) {
        const files = Array.from(input.files).map(file => [file, nameOf(file)]);
        input.value = "";
        this.send(files);
    }

    async onDrop(event) {
        event.preventDefault();
        this.zone.classList.remove("import-drop--over");
        const entries = Array.from(event.dataTransfer.items)
            .map(item => item.webkitGetAsEntry ? item.webkitGetAsEntry() : null)
            .filter(entry => entry !== null);
        const files = [];
        if (entries.length === 0) {
            for (const file of event.dataTransfer.files) {
                files.push([file, file.name]);
            }
        }
        for (const entry of entries) {
            await collect(entry, files);
        }
        this.send(files);
    }

    send(files) {
        if (files.length === 0 || this.request !== null) {
            return;
        }
        const form = new FormData();
        form.append("assume_ct", this.zone.dataset.assumeCt === "true" ? "true" : "false");
        form.append("accept_burned_in", this.zone.dataset.acceptBurnedIn === "true" ? "true" : "false");
        for (const [file, name] of files) {
            form.append("files", file, name);
        }
        const request = new XMLHttpRequest();
        this.request = request;
        let last = 0;
        request.upload.onprogress = e => {
            const now = performance.now();
            if (e.lengthComputable && now - last >= PROGRESS_INTERVAL_MS) {
                last = now;
                this.dotnet.invokeMethodAsync("OnUploadProgress", e.loaded, e.total);
            }
        };
        request.onloadend = () => {
            this.request = null;
            this.dotnet.invokeMethodAsync("OnUploadFinished", request.status, request.responseText || "");
        };
        request.open("POST", "api/import/uploads");
        request.setRequestHeader("X-BlendSign-Upload", "1");
        this.dotnet.invokeMethodAsync("OnUploadStarted", files.length);
        request.send(form);
    }

    cancel() {
        if (this.request !== null) {
            this.request.abort();
        }
    }

    dispose() {
        this.cancel();
        for (const [target, type, handler] of this.listeners) {
            target.removeEventListener(type, handler);
        }
    }
}

// A dropped folder: every file below it, named by its path inside the drop.
async function collect(entry, files) {
    if (entry.isFile) {
        const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
        files.push([file, entry.fullPath.replace(/^\//, "")]);
        return;
    }
    const reader = entry.createReader();
    for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) {
            return;
        }
        for (const child of batch) {
            await collect(child, files);
        }
    }
}
