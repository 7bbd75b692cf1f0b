// SPDX-License-Identifier: GPL-3.0-or-later
#include "BarnesHutTree.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace dsp {
namespace {

constexpr int kMaxDepth = 40;

} // namespace

BarnesHutTree::BarnesHutTree(const double* xy, int n) : m_xy(xy), m_order(std::size_t(n))
{
    std::iota(m_order.begin(), m_order.end(), 0);
    if (n == 0)
        return;
    double minX = xy[0], maxX = xy[0], minY = xy[1], maxY = xy[1];
    for (int i = 1; i < n; ++i) {
        minX = std::min(minX, xy[2 * i]);
        maxX = std::max(maxX, xy[2 * i]);
        minY = std::min(minY, xy[2 * i + 1]);
        maxY = std::max(maxY, xy[2 * i + 1]);
    }
    const double width = std::max(maxX - minX, maxY - minY) * (1.0 + 1e-9) + 1e-12;
    m_cells.reserve(std::size_t(n) * 2);
    Cell root;
    root.begin = 0;
    root.end = n;
    m_cells.push_back(root);
    build(0, (minX + maxX) / 2.0, (minY + maxY) / 2.0, width, 0);
}

void BarnesHutTree::build(int cell, double cx, double cy, double width, int depth)
{
    const int begin = m_cells[std::size_t(cell)].begin, end = m_cells[std::size_t(cell)].end;
    double sx = 0.0, sy = 0.0;
    for (int p = begin; p < end; ++p) {
        sx += m_xy[2 * m_order[std::size_t(p)]];
        sy += m_xy[2 * m_order[std::size_t(p)] + 1];
    }
    const int count = end - begin;
    {
        Cell& c = m_cells[std::size_t(cell)];
        c.count = count;
        c.width = width;
        c.comX = count > 0 ? sx / count : cx;
        c.comY = count > 0 ? sy / count : cy;
    }
    if (count <= 1 || depth >= kMaxDepth)
        return;
    // Quadrants: bit 0 = (x >= cx), bit 1 = (y >= cy).
    const auto quadrant = [&](int i) { return (m_xy[2 * i] >= cx ? 1 : 0) + (m_xy[2 * i + 1] >= cy ? 2 : 0); };
    std::array<int, 5> bounds{};
    bounds[0] = begin;
    auto first = m_order.begin() + begin;
    for (int q = 0; q < 3; ++q) {
        first = std::stable_partition(first, m_order.begin() + end, [&](int i) { return quadrant(i) == q; });
        bounds[std::size_t(q) + 1] = int(first - m_order.begin());
    }
    bounds[4] = end;
    const int firstChild = int(m_cells.size());
    m_cells[std::size_t(cell)].firstChild = firstChild;
    m_cells.resize(m_cells.size() + 4);
    for (int q = 0; q < 4; ++q) {
        m_cells[std::size_t(firstChild + q)].begin = bounds[std::size_t(q)];
        m_cells[std::size_t(firstChild + q)].end = bounds[std::size_t(q) + 1];
    }
    const double h = width / 4.0;
    for (int q = 0; q < 4; ++q)
        if (bounds[std::size_t(q) + 1] > bounds[std::size_t(q)])
            build(firstChild + q, cx + ((q & 1) ? h : -h), cy + ((q & 2) ? h : -h), width / 2.0, depth + 1);
}

BarnesHutTree::Repulsion BarnesHutTree::repulsion(int i, double angle) const
{
    Repulsion r;
    if (m_cells.empty())
        return r;
    const double xi = m_xy[2 * i], yi = m_xy[2 * i + 1];
    const double angle2 = angle * angle;
    int stack[4 * kMaxDepth + 8];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Cell& c = m_cells[std::size_t(stack[--top])];
        if (c.count == 0)
            continue;
        if (c.firstChild < 0) { // leaf: exact, without i itself
            for (int p = c.begin; p < c.end; ++p) {
                const int j = m_order[std::size_t(p)];
                if (j == i)
                    continue;
                const double dx = xi - m_xy[2 * j], dy = yi - m_xy[2 * j + 1];
                const double q = 1.0 / (1.0 + dx * dx + dy * dy);
                r.z += q;
                r.fx += q * q * dx;
                r.fy += q * q * dy;
            }
            continue;
        }
        const double dx = xi - c.comX, dy = yi - c.comY;
        const double d2 = dx * dx + dy * dy;
        if (c.width * c.width < angle2 * d2) {
            const double q = 1.0 / (1.0 + d2);
            r.z += c.count * q;
            r.fx += c.count * q * q * dx;
            r.fy += c.count * q * q * dy;
            continue;
        }
        for (int q = 3; q >= 0; --q)
            stack[top++] = c.firstChild + q;
    }
    return r;
}

} // namespace dsp
