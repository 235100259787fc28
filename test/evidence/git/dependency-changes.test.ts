import {describe, expect, it} from 'vitest'

import {
  diffManifest,
  parseCargoToml,
  parseGemfileLock,
  parseGoMod,
  parseMsbuildProject,
  parseNugetPackagesConfig,
  parsePackageJson,
  parseRequirements,
} from '../../../src/evidence/git/dependency-changes.js'

describe('manifest parsers', () => {
  it('reads every dependency group of package.json and ignores broken JSON', () => {
    const text = JSON.stringify({version: '1.0.0', scripts: {test: 'vitest'}, dependencies: {pg: '^8.0.0'}, devDependencies: {vitest: '3.0.0'}})
    expect(parsePackageJson(text)).toEqual(new Map([['vitest', '3.0.0'], ['pg', '^8.0.0']]))
    expect(parsePackageJson('{oops')).toEqual(new Map())
  })

  it('reads go.mod single-line and block requires, with comments', () => {
    const text = 'module x\n\ngo 1.22\n\nrequire github.com/a/b v1.2.3\nrequire (\n\tgithub.com/c/d v0.4.0 // indirect\n\tgolang.org/x/e v0.1.0\n)\nreplace github.com/a/b => ../b\n'
    expect(parseGoMod(text)).toEqual(
      new Map([
        ['github.com/a/b', 'v1.2.3'],
        ['github.com/c/d', 'v0.4.0'],
        ['golang.org/x/e', 'v0.1.0'],
      ]),
    )
  })

  it('reads requirements pins, ranges, extras and skips options and comments', () => {
    const text = '# deps\n-r base.txt\nRequests[security]==2.31.0\nflask >= 2.0 ; python_version > "3.8"\nuvicorn\nboto3==1.34.0  # aws\n'
    expect(parseRequirements(text)).toEqual(
      new Map([
        ['requests', '2.31.0'],
        ['flask', '>=2.0'],
        ['uvicorn', '*'],
        ['boto3', '1.34.0'],
      ]),
    )
  })

  it('reads Cargo.toml dependency tables only', () => {
    const text = '[package]\nname = "svc"\nversion = "0.1.0"\n\n[dependencies]\nserde = "1.0.190"\ntokio = { version = "1.35", features = ["full"] }\n\n[dev-dependencies]\ninsta = "1.34"\n'
    expect(parseCargoToml(text)).toEqual(
      new Map([
        ['serde', '1.0.190'],
        ['tokio', '1.35'],
        ['insta', '1.34'],
      ]),
    )
  })

  it('reads resolved gems from Gemfile.lock', () => {
    const text = 'GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (3.0.8)\n    rails (7.1.2)\n      rack (>= 2.2)\n\nDEPENDENCIES\n  rails\n'
    expect(parseGemfileLock(text)).toEqual(
      new Map([
        ['rack', '3.0.8'],
        ['rails', '7.1.2'],
      ]),
    )
  })
})

describe('.NET manifests', () => {
  // The shapes of Microsoft's docs: SDK-style projects, central package management, packages.config.
  const project = (serilog: string, framework = 'net8.0') => `<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>${framework}</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.4" />
    <PackageReference Version='3.1.1' Include='Polly' PrivateAssets="all"/>
    <!-- <PackageReference Include="Old.Package" Version="1.0.0" /> -->
    <PackageReference Include="Serilog.AspNetCore">
      <Version>${serilog}</Version>
    </PackageReference>
    <ProjectReference Include="..\\Orders.Domain\\Orders.Domain.csproj" />
  </ItemGroup>
</Project>
`

  it('reads PackageReference attributes in any order and quote, the <Version> child form and the target framework; skips comments', () => {
    expect(parseMsbuildProject(project('8.0.1'))).toEqual(
      new Map([
        ['Npgsql.EntityFrameworkCore.PostgreSQL', '8.0.4'],
        ['Polly', '3.1.1'],
        ['Serilog.AspNetCore', '8.0.1'],
        ['dotnet', 'net8.0'],
      ]),
    )
  })

  it('says which package and which runtime a project edit moved', () => {
    expect(diffManifest('src/Orders.Api/Orders.Api.csproj', project('7.0.0', 'net6.0'), project('8.0.1'))).toEqual([
      {package: 'Serilog.AspNetCore', from: '7.0.0', to: '8.0.1', file: 'src/Orders.Api/Orders.Api.csproj'},
      {package: 'dotnet', from: 'net6.0', to: 'net8.0', file: 'src/Orders.Api/Orders.Api.csproj'},
    ])
    expect(diffManifest('src/Orders.Api/Orders.Api.csproj', project('8.0.1'), project('8.0.1').replace('enable', 'disable'))).toEqual([])
  })

  it('reads central package versions and packages.config', () => {
    const central = '<Project><ItemGroup><PackageVersion Include="Newtonsoft.Json" Version="13.0.3" /><PackageVersion Update="xunit" Version="2.9.0" /></ItemGroup></Project>'
    expect(parseMsbuildProject(central)).toEqual(new Map([['Newtonsoft.Json', '13.0.3'], ['xunit', '2.9.0']]))
    const config = '<?xml version="1.0" encoding="utf-8"?>\n<packages>\n  <package id="Newtonsoft.Json" version="12.0.3" targetFramework="net472" />\n  <package id="log4net" version="2.0.15" targetFramework="net472" />\n</packages>'
    expect(parseNugetPackagesConfig(config)).toEqual(new Map([['Newtonsoft.Json', '12.0.3'], ['log4net', '2.0.15']]))
    expect(diffManifest('web/packages.config', config, config.replace('12.0.3', '13.0.1'))).toEqual([{package: 'Newtonsoft.Json', from: '12.0.3', to: '13.0.1', file: 'web/packages.config'}])
  })
})

describe('diffManifest', () => {
  it('reports upgrades, additions and removals', () => {
    const before = 'requests==2.30.0\nsix==1.0\n'
    const after = 'requests==2.31.0\nurllib3==2.0.0\n'
    expect(diffManifest('svc/requirements.txt', before, after)).toEqual([
      {package: 'requests', from: '2.30.0', to: '2.31.0', file: 'svc/requirements.txt'},
      {package: 'urllib3', from: null, to: '2.0.0', file: 'svc/requirements.txt'},
      {package: 'six', from: '1.0', to: null, file: 'svc/requirements.txt'},
    ])
  })

  it('treats a missing side as empty and an unknown file as nothing', () => {
    expect(diffManifest('go.mod', null, 'require x v1.0.0\n')).toEqual([{package: 'x', from: null, to: 'v1.0.0', file: 'go.mod'}])
    expect(diffManifest('pom.xml', '<a/>', '<b/>')).toEqual([])
  })
})

describe('parseCargoLock', () => {
  it('reads every resolved crate, a crate at two versions as both', async () => {
    const {parseCargoLock} = await import('../../../src/evidence/git/dependency-changes.js')
    const text = ['version = 3', '', '[[package]]', 'name = "rustls"', 'version = "0.23.12"', 'source = "registry+https://github.com/rust-lang/crates.io-index"', '', '[[package]]', 'name = "tonic"', 'version = "0.12.1"', '', '[[package]]', 'name = "rustls"', 'version = "0.21.12"', ''].join('\n')
    expect(parseCargoLock(text)).toEqual(new Map([['rustls', '0.21.12, 0.23.12'], ['tonic', '0.12.1']]))
  })

  it('says which crates a bump moved through the lockfile', async () => {
    const {diffManifest} = await import('../../../src/evidence/git/dependency-changes.js')
    const lock = (rustls: string, tonic: string) => `[[package]]\nname = "rustls"\nversion = "${rustls}"\n\n[[package]]\nname = "tonic"\nversion = "${tonic}"\n`
    expect(diffManifest('Cargo.lock', lock('0.22.4', '0.11.0'), lock('0.23.12', '0.12.1')).map((c) => c.package)).toEqual(['rustls', 'tonic'])
  })
})
