// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// matplotlib's colour tables as float RGB in [0, 1], generated one file per table into colourmaps/
// by tools/gen_colourmaps.py. Internal to the render library: use ColourMap and GenrePalette.

namespace render::tables {

extern const float magma[256][3];
extern const float viridis[256][3];
extern const float inferno[256][3];
extern const float grey[256][3];   ///< matplotlib 'gray'
extern const float coolwarm[256][3];
extern const float tab10[10][3];
extern const float tab20[20][3];

} // namespace render::tables
