"""Expected values for GaussianBlurAugmentationTest.blurMatchesPyTorchWithReflectPadding.

Blurs a 1 x 5 x 6 image whose pixel (y, x) is ((7 * (6 * y + x)) % 11) / 10 with a 5-tap Gaussian of
sigma 0.8: the taps exp(-t^2 / (2 sigma^2)) for t = -2..2, normalised, as torchvision's
_get_gaussian_kernel1d makes them; the 2-D kernel is their outer product, the border is padded with
torch.nn.functional.pad(mode='reflect') as torchvision's gaussian_blur does, and conv2d applies it,
all in float64. Prints the 30 blurred values, row by row.

Run with the system interpreter that has torch 1.13:

    /usr/bin/python3 plugins-augment/src/test/resources/org/wcl4j/augment/gaussian_blur_reference.py
"""

import torch
import torch.nn.functional as F

image = torch.tensor(
    [[((7 * (6 * y + x)) % 11) / 10 for x in range(6)] for y in range(5)], dtype=torch.float64
)
t = torch.arange(-2, 3, dtype=torch.float64)
taps = torch.exp(-(t**2) / (2 * 0.8**2))
taps = taps / taps.sum()
kernel = torch.outer(taps, taps)[None, None]
padded = F.pad(image[None, None], (2, 2, 2, 2), mode="reflect")
blurred = F.conv2d(padded, kernel)[0, 0]
for row in blurred:
    print(", ".join(f"{v:.9f}" for v in row.tolist()))
