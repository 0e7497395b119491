#!/usr/bin/env python3
"""Times the training step of a wcl4j config in PyTorch on the CPU, as a reference for `wcl4j bench`.

The network, losses and optimiser are rebuilt from the resolved config the command line writes
(JSON): the `small-resnet` encoder, `mlp` heads, `nt-xent` and `wcl-graph` losses on their heads,
`nearest-neighbour` weak labels and SGD with momentum. One step is: stack the two views, one forward
pass in training mode, weak labels from the detached head embeddings, the weighted losses, one
backward pass and the optimiser update. Inputs are random images of the data set's shape, since
augmentation is timed on the Java side only.

Prints one JSON object on stdout: the median step time and the median of each phase, in ms.
This is a benchmark, not a test.
"""
import argparse
import json
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def conv_bn(cin, cout, kernel, stride):
    return nn.Sequential(
        nn.Conv2d(cin, cout, kernel, stride=stride, padding=kernel // 2, bias=False),
        nn.BatchNorm2d(cout),
    )


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.a = conv_bn(cin, cout, 3, stride)
        self.b = conv_bn(cout, cout, 3, 1)
        self.shortcut = conv_bn(cin, cout, 1, stride) if (cin != cout or stride != 1) else None

    def forward(self, x):
        y = self.b(F.relu(self.a(x)))
        return F.relu(y + (x if self.shortcut is None else self.shortcut(x)))


class SmallResNet(nn.Module):
    def __init__(self, channels, widths, blocks):
        super().__init__()
        self.stem = conv_bn(channels, widths[0], 3, 1)
        layers, cin = [], widths[0]
        for s, (width, count) in enumerate(zip(widths, blocks)):
            for b in range(count):
                layers.append(BasicBlock(cin, width, 2 if (s > 0 and b == 0) else 1))
                cin = width
        self.stages = nn.Sequential(*layers)
        self.features = cin

    def forward(self, x):
        return self.stages(F.relu(self.stem(x))).mean(dim=(2, 3))


def mlp(inputs, hidden, output, layers=2):
    modules = []
    for _ in range(layers - 1):
        modules += [nn.Linear(inputs, hidden), nn.BatchNorm1d(hidden), nn.ReLU()]
        inputs = hidden
    return nn.Sequential(*modules, nn.Linear(inputs, output))


def contrastive(anchors, candidates, positives, temperature, exclude_self):
    """Mean over anchors of -mean_{p in P(i)} log softmax over candidates (self masked out)."""
    logits = anchors @ candidates.T / temperature
    if exclude_self:
        logits = logits.masked_fill(torch.eye(len(anchors), dtype=torch.bool), float("-inf"))
    log_prob = logits - torch.logsumexp(logits, dim=1, keepdim=True)
    positives = positives.float()
    return -((log_prob.masked_fill(positives == 0, 0) * positives).sum(1) / positives.sum(1)).mean()


def nt_xent(z1, z2, temperature):
    z = F.normalize(torch.cat([z1, z2]), dim=1)
    n = len(z1)
    index = torch.arange(2 * n)
    positives = torch.zeros(2 * n, 2 * n, dtype=torch.bool)
    positives[index, (index + n) % (2 * n)] = True
    return contrastive(z, z, positives, temperature, True)


def components(embeddings):
    """Weak labels: connected components of the 1-NN graph (cosine), by union-find."""
    z = F.normalize(embeddings, dim=1)
    similarity = z @ z.T
    similarity.fill_diagonal_(float("-inf"))
    nearest = similarity.argmax(dim=1).tolist()
    parent = list(range(len(nearest)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in enumerate(nearest):
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return torch.tensor([root(i) for i in range(len(nearest))])


def graph_loss(z1, z2, labels1, labels2, temperature):
    """Supervised-contrastive loss within each view, with the other view's weak labels."""
    total = 0.0
    for z, labels in ((z1, labels2), (z2, labels1)):
        z = F.normalize(z, dim=1)
        positives = labels[:, None] == labels[None, :]
        positives.fill_diagonal_(False)
        total = total + contrastive(z, z, positives, temperature, True)
    return total / 2


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, help="resolved config as JSON")
    parser.add_argument("--shape", required=True, help="channels,height,width of the images")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    with open(args.config, encoding="utf-8") as file:
        config = json.load(file)
    torch.set_num_threads(args.threads)
    torch.manual_seed(config.get("seed", 1))
    channels, height, width = (int(v) for v in args.shape.split(","))
    batch = config["training"]["batchSize"]

    encoder_settings = config["encoder"]["settings"]
    encoder = SmallResNet(channels, encoder_settings["widths"], encoder_settings["blocks"])
    heads = nn.ModuleDict(
        {
            name: mlp(
                encoder.features,
                head["settings"]["hidden"],
                head["settings"]["output"],
                head["settings"].get("layers", 2),
            )
            for name, head in config["heads"].items()
        }
    )
    model = nn.ModuleDict({"encoder": encoder, "heads": heads})
    training = config["training"]
    optimiser = torch.optim.SGD(
        model.parameters(),
        lr=training["learningRate"],
        momentum=training["momentum"],
        weight_decay=training["weightDecay"],
        nesterov=training["nesterov"],
    )
    labeller_head = (config.get("labeller") or {}).get("head")
    views = [torch.rand(batch, channels, height, width) for _ in range(2)]
    phases = {name: [] for name in ("step", "forward", "label", "loss", "backward", "update")}

    for step in range(args.warmup + args.steps):
        start = time.perf_counter()
        # forward
        features = encoder(torch.cat(views))
        outputs = {name: head(features) for name, head in heads.items()}
        forwarded = time.perf_counter()
        # label
        labels = None
        if labeller_head is not None:
            with torch.no_grad():
                z1, z2 = outputs[labeller_head].detach().chunk(2)
                labels = (components(z1), components(z2))
        labelled = time.perf_counter()
        # loss
        total = 0.0
        for term in config["losses"]:
            z1, z2 = outputs[term["head"]].chunk(2)
            temperature = term["settings"]["temperature"]
            if term["name"] == "nt-xent":
                value = nt_xent(z1, z2, temperature)
            else:
                value = graph_loss(z1, z2, labels[0], labels[1], temperature)
            total = total + term["weight"] * value
        lossed = time.perf_counter()
        # backward and update
        optimiser.zero_grad(set_to_none=True)
        total.backward()
        backward = time.perf_counter()
        optimiser.step()
        end = time.perf_counter()
        if step >= args.warmup:
            for name, seconds in (
                ("step", end - start),
                ("forward", forwarded - start),
                ("label", labelled - forwarded),
                ("loss", lossed - labelled),
                ("backward", backward - lossed),
                ("update", end - backward),
            ):
                phases[name].append(seconds * 1000)

    json.dump(
        {
            "torch": torch.__version__,
            "threads": torch.get_num_threads(),
            "batch": batch,
            "medianMs": {name: statistics.median(values) for name, values in phases.items()},
        },
        sys.stdout,
    )
    print()


if __name__ == "__main__":
    main()
