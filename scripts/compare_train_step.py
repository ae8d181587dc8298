"""The PyTorch side of scripts/compare-train-step.sh: the project's training step, written in PyTorch.

Same work as `bench train-step --no-detection --no-pipeline`: BlendSign's ResNet-18 (CNTK's variant: stages of
2, 2, 2 and 3 basic blocks, asymmetric padding before the stem, the max-pool and each stride-2 convolution, taken
as symmetric padding by the convolution itself for even sizes, as the project does),
the mean-image input (BGR x 255 minus a bilinearly resized 224x224 mean), global average pooling and a 3-class
linear head; weighted cross-entropy (1, 2, 20); SGD lr 0.01, momentum 0.9, weight decay 0.0005; the global
gradient norm clipped at 100; random input. `--model torchvision` takes torchvision's resnet18 instead;
`--channels-last` puts the model and the input in PyTorch's channels-last memory format.
Prints one JSON document: the mean over the timed steps (or slices) and the median step, which a few steps slowed
by someone else's work on a shared machine do not move.
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def even(x):
    # As the project does: for even sizes symmetric padding equals CNTK's asymmetric one, without a copy.
    return x.shape[-1] % 2 == 0 and x.shape[-2] % 2 == 0


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.stride = stride
        self.conv1 = nn.Conv2d(cin, cout, 3, stride=stride, padding=1 if stride == 1 else 0, bias=False)
        self.bn1 = nn.BatchNorm2d(cout, eps=1e-5)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout, eps=1e-5)
        self.down = None
        if stride != 1 or cin != cout:
            self.down = nn.Sequential(nn.Conv2d(cin, cout, 1, stride=stride, bias=False), nn.BatchNorm2d(cout, eps=1e-5))

    def forward(self, x):
        if self.stride == 1:
            y = self.conv1(x)
        elif even(x):
            y = F.conv2d(x, self.conv1.weight, stride=self.stride, padding=1)
        else:
            y = self.conv1(F.pad(x, [1, 0, 1, 0]))
        y = F.relu(self.bn1(y))
        y = self.bn2(self.conv2(y))
        return F.relu(y + (x if self.down is None else self.down(x)))


class CntkResNet18(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 7, stride=2, bias=False)
        self.bn1 = nn.BatchNorm2d(64, eps=1e-5)
        stages, cin = [], 64
        for cout, blocks, stride in [(64, 2, 1), (128, 2, 2), (256, 2, 2), (512, 3, 2)]:
            stages.append(nn.Sequential(*[BasicBlock(cin if b == 0 else cout, cout, stride if b == 0 else 1) for b in range(blocks)]))
            cin = cout
        self.stages = nn.Sequential(*stages)

    def forward(self, x):
        if even(x):
            x = F.relu(self.bn1(F.conv2d(x, self.conv1.weight, stride=2, padding=3)))
            x = F.max_pool2d(x, 3, stride=2, padding=1)
        else:
            x = F.relu(self.bn1(self.conv1(F.pad(x, [3, 2, 3, 2]))))
            x = F.max_pool2d(F.pad(x, [1, 0, 1, 0]), 3, stride=2)
        return self.stages(x)


class Classifier(nn.Module):
    def __init__(self, backbone, channels):
        super().__init__()
        self.register_buffer("mean_image", torch.rand(1, 3, 224, 224) * 255)
        self.backbone = backbone
        self.head = nn.Linear(channels, 3)

    def forward(self, rgb):
        mean = F.interpolate(self.mean_image, size=rgb.shape[2:], mode="bilinear", align_corners=False)
        features = self.backbone(rgb.flip(1) * 255 - mean)
        return self.head(F.adaptive_avg_pool2d(features, 1).flatten(1))


def build(kind):
    if kind == "torchvision":
        import torchvision
        net = torchvision.models.resnet18(weights=None)
        body = nn.Sequential(*list(net.children())[:-2])
        return Classifier(body, 512)
    return Classifier(CntkResNet18(), 512)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--image-size", type=int, default=256)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--model", choices=["cntk", "torchvision"], default="cntk")
    parser.add_argument("--inference", action="store_true", help="one slice at a time in eval mode instead")
    parser.add_argument("--channels-last", action="store_true", help="model and input in channels-last memory format")
    args = parser.parse_args()
    fmt = torch.channels_last if args.channels_last else torch.contiguous_format
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    model = build(args.model).to(memory_format=fmt)
    weights = torch.tensor([1.0, 2.0, 20.0])
    result = {
        "side": "pytorch", "model": args.model, "torch": torch.__version__,
        "mkldnn": torch.backends.mkldnn.is_available(), "intra_op_threads": torch.get_num_threads(),
        "inter_op_threads": torch.get_num_interop_threads(), "image_size": args.image_size,
        "channels_last": args.channels_last,
    }
    if args.inference:
        model.eval()
        image = torch.rand(1, 3, args.image_size, args.image_size).contiguous(memory_format=fmt)
        with torch.no_grad():
            for _ in range(args.warmup):
                model(image).sum().item()
            times = []
            for _ in range(args.steps):
                started = time.perf_counter()
                model(image).sum().item()
                times.append(time.perf_counter() - started)
        seconds = sum(times)
        result.update({"slices": args.steps, "seconds": seconds, "milliseconds_per_slice": 1000 * seconds / args.steps,
                       "median_milliseconds_per_slice": 1000 * statistics.median(times)})
    else:
        model.train()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=0.0005)
        images = torch.rand(args.batch, 3, args.image_size, args.image_size).contiguous(memory_format=fmt)
        labels = torch.randint(0, 3, (args.batch,))

        def step():
            loss = F.cross_entropy(model(images), labels, weight=weights)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 100.0)
            loss.item()
            optimizer.step()

        for _ in range(args.warmup):
            step()
        times = []
        for _ in range(args.steps):
            started = time.perf_counter()
            step()
            times.append(time.perf_counter() - started)
        seconds = sum(times)
        result.update({"batch": args.batch, "steps": args.steps, "seconds": seconds,
                       "images_per_second": args.batch * args.steps / seconds,
                       "median_images_per_second": args.batch / statistics.median(times)})
    print(json.dumps(result))


if __name__ == "__main__":
    main()
