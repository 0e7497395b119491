"""Reference values for MultiCropLossesTest (plugins-losses).

A hand-made multi-crop batch: n = 4 images, 3 dimensions, 2 global views and M = 2 local crops,
embeddings seeded with torch.manual_seed(5) in float64, temperature 0.2, and the component labels
of the two global views given below. Computes with PyTorch autograd, written independently of the
Java code from the definitions in the documentation of MultiCropNtXentLoss and MultiCropGraphLoss:

* for each pair (global view v, local crop m), the rows [g_v; l_m] (2n), cosine logits over the
  temperature with self masked out;
* nt-xent-multi-crop: cross-entropy of each row towards the same image in the other half;
* wcl-graph-multi-crop: a supervised-contrastive loss whose positives are the other rows of the same
  image or of the same component in the labels of global view 1 - v;
* each loss the mean over the 2M pairs.

Prints the inputs, then per loss the value and the gradient of each view: a line with the
name, then one line per row.

Run with the system interpreter that has torch 1.13:

    /usr/bin/python3 plugins-losses/src/test/resources/reference/multicrop_reference.py
"""

import torch
import torch.nn.functional as F

N, DIM, M, T = 4, 3, 2, 0.2
LABELS = [[0, 0, 1, 1], [0, 1, 1, 2]]

torch.manual_seed(5)
g = [torch.randn(N, DIM, dtype=torch.float64, requires_grad=True) for _ in range(2)]
l = [torch.randn(N, DIM, dtype=torch.float64, requires_grad=True) for _ in range(M)]


def log_prob(z):
    u = F.normalize(z, dim=1)
    logits = u @ u.t() / T
    eye = torch.eye(len(z), dtype=torch.bool)
    return logits - torch.logsumexp(logits.masked_fill(eye, float("-inf")), 1, keepdim=True)


def nt_xent_pair(a, b):
    z = torch.cat([a, b])
    targets = torch.cat([torch.arange(N, 2 * N), torch.arange(0, N)])
    return -log_prob(z)[torch.arange(2 * N), targets].mean()


def graph_pair(a, b, labels):
    z = torch.cat([a, b])
    image = torch.arange(2 * N) % N
    component = torch.tensor(labels)[image]
    eye = torch.eye(2 * N, dtype=torch.bool)
    same = (image[:, None] == image[None, :]) | (component[:, None] == component[None, :])
    positives = same & ~eye
    lp = log_prob(z)
    per_anchor = torch.where(positives, lp, torch.zeros_like(lp)).sum(1) / positives.sum(1)
    return -per_anchor.mean()


def report(name, value):
    for t in g + l:
        t.grad = None
    value.backward()
    print(f"// {name}")
    print(f"value {value.item():.15e}")
    for label, t in [("g1", g[0]), ("g2", g[1]), ("l1", l[0]), ("l2", l[1])]:
        print_matrix(label, t.grad)


def print_matrix(label, t):
    print(label)
    for row in t.detach().tolist():
        print(", ".join(f"{v:.15e}" for v in row))


def inputs():
    for label, t in [("g1", g[0]), ("g2", g[1]), ("l1", l[0]), ("l2", l[1])]:
        print_matrix(label, t)


inputs()
report("nt-xent-multi-crop", sum(nt_xent_pair(g[v], l[m]) for v in range(2) for m in range(M)) / (2 * M))
report(
    "wcl-graph-multi-crop",
    sum(graph_pair(g[v], l[m], LABELS[1 - v]) for v in range(2) for m in range(M)) / (2 * M),
)
