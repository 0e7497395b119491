"""Reference values for WeakPositivesPyTorchTest (plugins-losses): adpclr and fncancel.

Both losses are NT-Xent over the two global views stacked into 2n rows (row v*n + i is image i in
view v), with the weak labels of the anchor's own view. For anchor (v, i) and its view's directed
labels L_v (L_v[i][j] = 1 when j is a positive of i):

* adpclr, and fncancel with action attraction: positives = the other view of i and both views of
  every j with L_v[i][j]; candidates = every row but the anchor;
* fncancel with action elimination: positives = the other view of i; candidates = every row but the
  anchor and both views of every j with L_v[i][j].

loss = mean over the 2n anchors of -1/|P| sum_{p in P} log(exp(s_ap/t) / sum_{k in D} exp(s_ak/t)),
s = cosine similarity. Written here from that definition with float64 autograd; the masks are built
with explicit loops, independently of the Java code.

Run from the module directory with the interpreter that has torch:

    cd plugins-losses && /usr/bin/python3 src/test/resources/reference/weak_positives_reference.py
"""

import torch
import torch.nn.functional as F

N = 5
DIM = 4

# seed, temperature, labels of view 1 and of view 2 as each anchor's positive list.
# Case 31: top-1 style labels that are not reciprocal (2 -> 1 but 1 -> 0).
# Case 32: two positives for some anchors, none for others; the views disagree.
# Case 33: image 3 duplicates image 0 in both views, and each labels the other.
CASES = [
    (31, 0.2, [[1], [0], [1], [2], [3]], [[2], [2], [0], [4], [3]]),
    (32, 0.5, [[1, 4], [], [0, 3], [], [1]], [[], [3, 4], [], [1], [0, 2]]),
    (33, 0.1, [[3], [2], [1], [0], [1]], [[3], [4], [0], [0], [2]]),
]


def masks(labels1, labels2, action):
    m = 2 * N
    positives = torch.zeros(m, m, dtype=torch.bool)
    candidates = torch.ones(m, m, dtype=torch.bool)
    for a in range(m):
        v, i = divmod(a, N)
        candidates[a, a] = False
        positives[a, (1 - v) * N + i] = True
        for j in (labels1 if v == 0 else labels2)[i]:
            for w in (0, 1):
                if action == "elimination":
                    candidates[a, w * N + j] = False
                else:
                    positives[a, w * N + j] = True
    return positives, candidates


def masked_loss(z, positives, candidates, temperature):
    u = F.normalize(z, dim=1)
    logits = torch.mm(u, u.t()) / temperature
    log_norm = torch.logsumexp(logits.masked_fill(~candidates, float("-inf")), dim=1)
    log_prob = logits - log_norm[:, None]
    per_anchor = -(log_prob * positives).sum(1) / positives.sum(1)
    return per_anchor.mean()


def inputs(seed, duplicate):
    generator = torch.Generator().manual_seed(seed)
    z1 = torch.randn(N, DIM, generator=generator, dtype=torch.float64)
    z2 = z1 + 0.5 * torch.randn(N, DIM, generator=generator, dtype=torch.float64)
    if duplicate:
        z1[3] = z1[0]
        z2[3] = z2[0]
    # Rounded to 6 decimals so the printed text is exactly what was used.
    z1 = torch.tensor([[float("%.6f" % x) for x in row] for row in z1.tolist()], dtype=torch.float64)
    z2 = torch.tensor([[float("%.6f" % x) for x in row] for row in z2.tolist()], dtype=torch.float64)
    return z1, z2


def print_matrix(title, rows, fmt):
    print(title)
    for row in rows:
        print(" ".join(fmt % x for x in row))


def main():
    print("# torch %s" % torch.__version__)
    for seed, temperature, labels1, labels2 in CASES:
        z1, z2 = inputs(seed, duplicate=(seed == 33))
        print("case %d temperature %s" % (seed, temperature))
        for name, labels in (("labels1", labels1), ("labels2", labels2)):
            print_matrix(name, [[int(j in labels[i]) for j in range(N)] for i in range(N)], "%d")
        print_matrix("view1", z1.tolist(), "%.6f")
        print_matrix("view2", z2.tolist(), "%.6f")
        for name, action in (("adpclr", "attraction"), ("elimination", "elimination")):
            z = torch.cat([z1, z2]).requires_grad_(True)
            positives, candidates = masks(labels1, labels2, action)
            value = masked_loss(z, positives, candidates, temperature)
            value.backward()
            print("%s %.15e" % (name, value.item()))
            print_matrix(name + " gradient1", z.grad[:N].tolist(), "%.9e")
            print_matrix(name + " gradient2", z.grad[N:].tolist(), "%.9e")


if __name__ == "__main__":
    main()
