/**
 * The LikeC4 twin of generate(steps) (generate.ts), for the start-up comparison: the same lanes,
 * steps, touchpoints, the actor and the system as elements, the phase and the duration of each
 * step as its metadata, and one relationship per arrow.
 */
export function generateLikeC4(steps: number): string {
    const phases = 20;
    const kinds = ['evidence', 'customer', 'frontstage', 'backstage', 'support'];
    const lines = [
        'specification {',
        '  element actor', '  element system', '  element lane', '  element step', '  element touchpoint',
        ...kinds.map(kind => `  tag ${kind}`),
        '}',
        'model {',
        "  staff = actor 'Staff'",
        "  pos = system 'POS'"
    ];
    const perLane = Math.ceil(steps / kinds.length);
    const laneOf: string[] = [];
    let made = 0;
    kinds.forEach((kind, k) => {
        lines.push(`  l${k} = lane 'Lane ${k}' {`, `    #${kind}`);
        for (let i = 0; i < perLane && made < steps; i++, made++) {
            const phase = Math.floor((i * phases) / perLane);
            laneOf[made] = `l${k}`;
            lines.push(`    s${made} = step 'Step ${made}' {`, "      technology 'POS'", `      metadata {`, `        phase 'ph${phase}'`, "        duration '1min'", '      }', '    }');
        }
        lines.push('  }');
    });
    for (let p = 0; p < phases; p++) lines.push(`  t${p} = touchpoint 'Touchpoint ${p}' {`, "    technology 'web'", '  }');
    for (let i = 0; i < steps; i++) {
        const next = (i + 1) % steps;
        lines.push(i % 50 === 0 ? `  ${laneOf[i]}.s${i} -> t${(i / 50) % phases} 'via ${i}'` : `  ${laneOf[i]}.s${i} -> ${laneOf[next]}.s${next}`);
    }
    lines.push('}');
    return lines.join('\n') + '\n';
}
