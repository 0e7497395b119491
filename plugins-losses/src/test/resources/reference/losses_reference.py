"""Reference values for PyTorchReferenceTest (plugins-losses).

Computes, with PyTorch autograd in float64, for a few seeded random batches of two global views
(n = 6 images, 5 dimensions):

* NT-Xent as SimCLR writes it: both views stacked, cosine logits over temperature, self masked out
  with -inf, cross-entropy towards the other view of the same image;
* WCL's swapped graph loss: a supervised-contrastive loss within each view whose positives are the
  pairs the *other* view's component labels put together (self excluded), anchors without
  positives skipped, the two view losses averaged.

It prints the inputs, values and gradients in the plain text format that the test parses.

Run with the system interpreter that has torch 1.13:

    cd plugins-losses && /usr/bin/python3 src/test/resources/reference/losses_reference.py
"""

import torch
import torch.nn.functional as F

N = 6
DIM = 5

# seed, temperature, component labels of view 1, component labels of view 2.
# The first two are shaped like a 1-nearest-neighbour labeller's output (every component has at
# least two members); the third has singleton components, whose anchors have no positive.
CASES = [
    (11, 0.1, [0, 0, 1, 1, 2, 2], [0, 1, 1, 0, 2, 2]),
    (12, 0.5, [0, 0, 0, 1, 1, 1], [0, 1, 0, 1, 2, 2]),
    (13, 0.07, [0, 1, 0, 2, 3, 3], [0, 0, 1, 1, 1, 2]),
]


def nt_xent(z1, z2, temperature):
    n = z1.shape[0]
    z = F.normalize(torch.cat([z1, z2]), dim=1)
    logits = z @ z.t() / temperature
    logits = logits.masked_fill(torch.eye(2 * n, dtype=torch.bool), float("-inf"))
    targets = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    return F.cross_entropy(logits, targets)


def sup_contrastive(z, labels, temperature):
    n = z.shape[0]
    u = F.normalize(z, dim=1)
    logits = u @ u.t() / temperature
    eye = torch.eye(n, dtype=torch.bool)
    log_prob = logits - torch.logsumexp(logits.masked_fill(eye, float("-inf")), 1, keepdim=True)
    labels = torch.tensor(labels)
    positives = (labels[:, None] == labels[None, :]) & ~eye
    count = positives.sum(1)
    keep = count > 0
    mean_log_prob = torch.where(positives, log_prob, torch.zeros_like(log_prob)).sum(1)
    return -(mean_log_prob[keep] / count[keep]).mean()


def wcl_graph(z1, z2, labels1, labels2, temperature):
    # The swap: view 1 is scored with view 2's labels and the other way round.
    return 0.5 * (
        sup_contrastive(z1, labels2, temperature) + sup_contrastive(z2, labels1, temperature)
    )


def rounded_inputs(seed):
    """Random views rounded to 6 decimals, so the printed text is exactly what was used."""
    generator = torch.Generator().manual_seed(seed)
    z1 = torch.randn(N, DIM, generator=generator, dtype=torch.float64)
    z2 = z1 + 0.6 * torch.randn(N, DIM, generator=generator, dtype=torch.float64)
    z1 = torch.tensor([[float("%.6f" % x) for x in row] for row in (1.5 * z1).tolist()])
    z2 = torch.tensor([[float("%.6f" % x) for x in row] for row in (1.5 * z2).tolist()])
    return z1.double(), z2.double()


def value_and_gradients(loss_fn, z1, z2):
    a = z1.clone().requires_grad_(True)
    b = z2.clone().requires_grad_(True)
    value = loss_fn(a, b)
    value.backward()
    return value.item(), a.grad, b.grad


def print_matrix(title, matrix, fmt):
    print(title)
    for row in matrix.tolist():
        print(" ".join(fmt % x for x in row))


def main():
    torch.set_default_dtype(torch.float64)
    print("# torch %s" % torch.__version__)
    for seed, temperature, labels1, labels2 in CASES:
        z1, z2 = rounded_inputs(seed)
        print("case %d temperature %s" % (seed, temperature))
        print("labels1 " + " ".join(str(x) for x in labels1))
        print("labels2 " + " ".join(str(x) for x in labels2))
        print_matrix("view1", z1, "%.6f")
        print_matrix("view2", z2, "%.6f")
        value, g1, g2 = value_and_gradients(lambda a, b: nt_xent(a, b, temperature), z1, z2)
        print("nt-xent %.15e" % value)
        print_matrix("nt-xent gradient1", g1, "%.9e")
        print_matrix("nt-xent gradient2", g2, "%.9e")
        value, g1, g2 = value_and_gradients(
            lambda a, b: wcl_graph(a, b, labels1, labels2, temperature), z1, z2
        )
        print("wcl-graph %.15e" % value)
        print_matrix("wcl-graph gradient1", g1, "%.9e")
        print_matrix("wcl-graph gradient2", g2, "%.9e")


if __name__ == "__main__":
    main()
