/** Generated blueprints for the benchmarks. */
/** A classic blueprint: 20 phases, 5 lanes, `steps` steps, one arrow per step, a touchpoint per phase. */
export function generate(steps: number): string {
    const phases = 20;
    const kinds = ['evidence', 'customer', 'frontstage', 'backstage', 'support'];
    const lines = ['system pos "POS"', 'actor staff "Staff"', `blueprint big "Generated ${steps}" {`];
    for (let p = 0; p < phases; p++) lines.push(`  phase ph${p} "Phase ${p}" { duration 5min emotion ${(p % 5) - 2} pain "p" }`);
    const perLane = Math.ceil(steps / kinds.length);
    let made = 0;
    kinds.forEach((kind, k) => {
        lines.push(`  lane l${k} "Lane ${k}" ${kind} by staff {`);
        for (let i = 0; i < perLane && made < steps; i++, made++) {
            const phase = Math.floor((i * phases) / perLane);
            lines.push(`    step s${made} "Step ${made}" in ph${phase} { uses pos duration 1min }`);
        }
        lines.push('  }');
    });
    for (let p = 0; p < phases; p++) lines.push(`  touchpoint t${p} "Touchpoint ${p}" in ph${p} { channel web }`);
    // One arrow per step: a chain through each lane, plus links between lanes and touchpoints.
    for (let i = 0; i < steps; i++) {
        const next = (i + 1) % steps;
        lines.push(i % 50 === 0 ? `  s${i} -> t${(i / 50) % phases} "via ${i}"` : `  s${i} ~> s${next}`);
    }
    lines.push('}');
    return lines.join('\n');
}
