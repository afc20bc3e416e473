//! Which clinical instrument an item holds: an identity the data dictionary and protocols
//! name. What each instrument computes is the calculators' (`crate::calculators`).

use serde::{Deserialize, Serialize};

/// The instruments trialscreen computes. The serialized name is what protocol and
/// session files use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum InstrumentId {
    /// SLEDAI-2K (Gladman 2002), 0–105.
    #[serde(rename = "sledai2k")]
    Sledai2k,
    /// 2019 EULAR/ACR SLE classification criteria.
    #[serde(rename = "eular_acr_sle_2019")]
    EularAcrSle2019,
    /// 2013 ACR/EULAR systemic sclerosis classification criteria.
    #[serde(rename = "acr_eular_ssc_2013")]
    AcrEularSsc2013,
    /// 2016 ACR/EULAR primary Sjögren's syndrome classification criteria.
    #[serde(rename = "acr_eular_ss_2016")]
    AcrEularSs2016,
    /// 2017 EULAR/ACR idiopathic inflammatory myopathy classification criteria.
    #[serde(rename = "eular_acr_iim_2017")]
    EularAcrIim2017,
    /// Birmingham Vasculitis Activity Score version 3.
    #[serde(rename = "bvas_v3")]
    BvasV3,
    /// EULAR Sjögren's syndrome disease activity index, 0–123.
    #[serde(rename = "essdai")]
    Essdai,
    /// MMT-8, bilateral: neck flexors once plus seven muscle groups on both sides, 0–150.
    #[serde(rename = "mmt8")]
    Mmt8,
    /// MMT-8, unilateral: neck flexors plus seven muscle groups on one side, 0–80.
    #[serde(rename = "mmt8_unilateral")]
    Mmt8Unilateral,
    /// HAQ disability index, 0–3.
    #[serde(rename = "haq_di")]
    HaqDi,
    /// Modified Rodnan skin score, 0–51.
    #[serde(rename = "mrss")]
    Mrss,
}
