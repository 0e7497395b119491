"""Independent reference for ResNetEncoderTest: trainable parameter counts of ResNet-18 and
ResNet-50 without the classifier, with the ImageNet stem (7x7 convolution, stride 2, max pooling)
and the CIFAR stem (3x3 convolution, stride 1, no pooling).

Built in plain PyTorch, following He et al. (2016) and torchvision's layout (bias-free
convolutions, BatchNorm after each, 1x1 projection shortcuts where the shape changes). Counts
only trainable parameters (convolution kernels, BatchNorm weight and bias), not BatchNorm's running
statistics, which are buffers in PyTorch. When torchvision is installed, its own resnet18/resnet50
(minus fc) are counted too, as a check of this script.

Run: /usr/bin/python3 resnet_parameter_counts.py
"""

import torch.nn as nn


def conv_bn(cin, cout, kernel, stride):
    return [nn.Conv2d(cin, cout, kernel, stride, kernel // 2, bias=False), nn.BatchNorm2d(cout)]


class Block(nn.Module):
    def __init__(self, cin, width, stride, bottleneck):
        super().__init__()
        out = width * 4 if bottleneck else width
        if bottleneck:
            layers = conv_bn(cin, width, 1, 1) + conv_bn(width, width, 3, stride)
            layers += conv_bn(width, out, 1, 1)
        else:
            layers = conv_bn(cin, width, 3, stride) + conv_bn(width, width, 3, 1)
        self.residual = nn.Sequential(*layers)
        project = stride != 1 or cin != out
        self.shortcut = nn.Sequential(*conv_bn(cin, out, 1, stride)) if project else nn.Identity()
        self.out = out


def resnet(blocks, bottleneck, cifar):
    stem = conv_bn(3, 64, 3, 1) if cifar else conv_bn(3, 64, 7, 2) + [nn.MaxPool2d(3, 2, 1)]
    modules = list(stem)
    channels = 64
    for stage, (width, count) in enumerate(zip([64, 128, 256, 512], blocks)):
        for b in range(count):
            block = Block(channels, width, 2 if stage > 0 and b == 0 else 1, bottleneck)
            modules.append(block)
            channels = block.out
    return nn.Sequential(*modules)


def count(model):
    return sum(p.numel() for p in model.parameters())


for name, blocks, bottleneck in [("resnet18", [2, 2, 2, 2], False), ("resnet50", [3, 4, 6, 3], True)]:
    for cifar in (False, True):
        print(name, "cifar" if cifar else "imagenet", count(resnet(blocks, bottleneck, cifar)))

try:
    import torchvision

    for name in ("resnet18", "resnet50"):
        model = getattr(torchvision.models, name)()
        print(name, "torchvision without fc", count(model) - count(model.fc))
except ImportError:
    print("torchvision not installed; plain-PyTorch counts only")
