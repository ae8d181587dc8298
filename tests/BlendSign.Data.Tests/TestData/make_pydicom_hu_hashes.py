#!/usr/bin/python3
"""Writes pydicom_hu_hashes.csv: for every real DICOM slice in ../shared/data, the SHA-256 of its HU array
as decoded by pydicom (little-endian float64, row-major), so the C# import can be checked against an
independent reader. Run with Debian's python (apt: python3-pydicom python3-numpy python3-gdcm):

    /usr/bin/python3 tests/BlendSign.Data.Tests/TestData/make_pydicom_hu_hashes.py [SHARED_DATA_DIR]

pydicom decodes native (uncompressed) pixel data itself; for JPEG lossless it needs a plugin, and the one
available here is python3-gdcm (pylibjpeg is not packaged for Debian 12), so for the CQ500 JPEG-lossless
series the decoder is the same GDCM library and only pydicom's rescale path is independent.
"""
import csv
import hashlib
import os
import sys

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import apply_modality_lut

FOLDERS = [
    "cq500-bhx-sample/CQ500-CT-0_series-4cc-sec-150cc-D3D-on_0.625mm",
    "cq500-bhx-sample/CQ500-CT-1_series-2.5-5mm",
    "ct-ich-hu-subset/images",
    "rsna-ich-dicom-unlabeled/dicom",
]


def decoder_name(ds):
    syntax = ds.file_meta.TransferSyntaxUID
    for handler in pydicom.config.pixel_data_handlers:
        if handler.is_available() and handler.supports_transfer_syntax(syntax):
            return handler.__name__.rsplit(".", 1)[-1]
    return "none"


def hu_sha256(ds):
    hu = apply_modality_lut(ds.pixel_array, ds).astype("<f8", copy=False)
    return hashlib.sha256(np.ascontiguousarray(hu).tobytes()).hexdigest(), hu


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "..", "shared", "data")
    out = os.path.join(here, "pydicom_hu_hashes.csv")
    rows = []
    for folder in FOLDERS:
        for name in sorted(os.listdir(os.path.join(root, folder))):
            ds = pydicom.dcmread(os.path.join(root, folder, name))
            digest, hu = hu_sha256(ds)
            rows.append([f"{folder}/{name}", str(ds.file_meta.TransferSyntaxUID), decoder_name(ds),
                         hu.shape[0], hu.shape[1], f"{hu.min():g}", f"{hu.max():g}", digest])
    with open(out, "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["file", "transfer_syntax", "decoder", "rows", "columns", "hu_min", "hu_max", "hu_sha256"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {out}")


if __name__ == "__main__":
    main()
